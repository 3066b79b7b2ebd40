package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** PEM's bounds and messages, exactly at each bound (docs/mutation-testing.md). */
class PemBoundariesTest {

    private static String refusal(String pem) {
        return assertThrows(KeyException.class, () -> Pem.readPublicKey(pem, SigningAlgorithm.ED25519, null)).getMessage();
    }

    @Test
    void quotesAnUnknownLabelOnlyWhenItIsShortAndPrintable() {
        assertEquals("unknown PEM label \"FOO\"; Wafer reads PRIVATE KEY (PKCS#8) and PUBLIC KEY (SubjectPublicKeyInfo)",
                refusal("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n"));
        String label64 = "L".repeat(64);
        assertTrue(refusal("-----BEGIN " + label64 + "-----\n").contains("\"" + label64 + "\""));
        String label65 = "L".repeat(65);
        assertEquals("unknown PEM label ; Wafer reads PRIVATE KEY (PKCS#8) and PUBLIC KEY (SubjectPublicKeyInfo)",
                refusal("-----BEGIN " + label65 + "-----\n"));
        assertEquals("unknown PEM label ; Wafer reads PRIVATE KEY (PKCS#8) and PUBLIC KEY (SubjectPublicKeyInfo)",
                refusal("-----BEGIN F\u0001O-----\n"));
        assertEquals("unknown PEM label ; Wafer reads PRIVATE KEY (PKCS#8) and PUBLIC KEY (SubjectPublicKeyInfo)",
                refusal("-----BEGIN F\u007fO-----\n"));
        assertTrue(refusal("-----BEGIN  ~-----\n").contains("\" ~\""), "space and tilde are printable");
    }

    @Test
    void aBeginLineNeedsItsDashes() {
        assertEquals("unknown PEM label \"\"; Wafer reads PRIVATE KEY (PKCS#8) and PUBLIC KEY (SubjectPublicKeyInfo)",
                refusal("-----BEGIN -----\n"));
        assertEquals("the PEM text has a malformed BEGIN or END line", refusal("-----BEGIN ----\n"));
        assertEquals("the PEM text has a malformed BEGIN or END line", refusal("-----BEGIN PUBLIC KEY----\n"));
    }

    @Test
    void refusesHeadersEvenAtTheStartOfALine() {
        assertTrue(refusal("-----BEGIN PUBLIC KEY-----\n:x\n-----END PUBLIC KEY-----\n").contains("has headers"));
    }

    @Test
    void readsAtMostSixtyFourKibibytesOfText() {
        String pad = "x".repeat(Pem.MAX_PEM_CHARS);
        assertEquals("the text holds no PEM block (a PKCS#8 PRIVATE KEY or an SPKI PUBLIC KEY block)", refusal(pad));
        assertEquals("the PEM text is longer than 65536 characters", refusal(pad + "x"));
    }
}
