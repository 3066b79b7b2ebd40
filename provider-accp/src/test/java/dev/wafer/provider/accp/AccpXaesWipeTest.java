package dev.wafer.provider.accp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wafer.spi.support.JceAesGcm;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** ACCP's XAES parts keep ready ciphers on a derived key and wipe it, as jca and tink do. */
class AccpXaesWipeTest {

    @Test
    void aWipedDerivedKeyIsUnusableAndItsCiphersServeTheNextKey() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        XaesGcm parts = new XaesGcm(key, Accp.system().provider());
        byte[] nonce = new byte[24];
        Arrays.fill(nonce, (byte) 3);
        byte[] derived = parts.deriveKey(nonce, 0);
        byte[] in = "a value".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] aad = {1, 2, 3};

        JceAesGcm.DerivedKey k = parts.gcmKey(derived);
        byte[] first = new byte[in.length + 16];
        parts.seal(k, nonce, 12, aad, 0, aad.length, in, 0, in.length, first, 0);
        parts.wipe(k);
        byte[] out = new byte[in.length + 16];
        assertThrows(Exception.class, () -> parts.seal(k, nonce, 12, aad, 0, aad.length, in, 0, in.length, out, 0),
                "a wiped key's bytes are gone");

        // A new key for the same prefix, on the cipher the wipe recycled: the same output.
        JceAesGcm.DerivedKey again = parts.gcmKey(derived);
        byte[] second = new byte[in.length + 16];
        parts.open(again, nonce, 12, aad, 0, aad.length, first, 0, first.length, second, 0);
        assertArrayEquals(in, Arrays.copyOf(second, in.length));
        Arrays.fill(derived, (byte) 0);
    }
}
