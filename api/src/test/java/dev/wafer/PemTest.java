package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PEM against files OpenSSL wrote (src/test/resources/pem/README.md): Wafer reads them and writes them back byte for byte. */
class PemTest {

    static String fixture(String name) {
        try (InputStream in = PemTest.class.getResourceAsStream("/pem/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsOpensslEd25519PrivateKeyAndWritesItBackByteForByte() {
        SigningKey key = Pem.readPrivateKey(fixture("ed25519-private.pem"), SigningAlgorithm.ED25519, null);
        assertEquals(SigningAlgorithm.ED25519, key.algorithm());
        assertEquals(fixture("ed25519-private.pem"), Pem.writePrivateKey(key));
    }

    @Test
    void derivesTheEd25519PublicKeyThatOpensslDerived() {
        SigningKey key = Pem.readPrivateKey(fixture("ed25519-private.pem"), SigningAlgorithm.ED25519, null);
        assertEquals(fixture("ed25519-public.pem"), Pem.writePublicKey(key.publicKey()));
        VerificationKey pub = Pem.readPublicKey(fixture("ed25519-public.pem"), SigningAlgorithm.ED25519, null);
        assertEquals(key.publicKey(), pub);
        assertEquals(pub.thumbprint(), pub.keyId(), "without a key id, the key id is the RFC 7638 thumbprint");
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"RS256", "PS256"})
    void readsOpensslRsaKeysForEitherRsaAlgorithmAndWritesThemBackByteForByte(SigningAlgorithm alg) {
        SigningKey key = Pem.readPrivateKey(fixture("rsa2048-private.pem"), alg, "rsa-1");
        assertEquals(alg, key.algorithm());
        assertEquals("rsa-1", key.keyId());
        assertEquals(fixture("rsa2048-private.pem"), Pem.writePrivateKey(key));
        assertEquals(fixture("rsa2048-public.pem"), Pem.writePublicKey(key.publicKey()));
        assertEquals(key.publicKey(), Pem.readPublicKey(fixture("rsa2048-public.pem"), alg, "rsa-1"));
    }

    @Test
    void readsPkcs8Version2WithAttributesAndItsPublicKey() {
        // RFC 8410 §10.3: OneAsymmetricKey (RFC 5958) with an attribute and the public key, which
        // ends the DER as a 32-byte bit string.
        String pem = fixture("ed25519-v2-rfc8410.pem");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        SigningKey key = Pem.readPrivateKey(pem, SigningAlgorithm.ED25519, "rfc8410");
        assertArrayEquals(Arrays.copyOfRange(der, der.length - 32, der.length), key.publicKey().ed25519Bytes());
        assertEquals(SigningKey.ed25519("rfc8410", key.ed25519Seed(), key.publicKey().ed25519Bytes()), key);
    }

    @Test
    void roundTripsGeneratedKeys() {
        for (SigningKey key : List.of(SigningKey.generate(SigningAlgorithm.ED25519), SigningKey.generateRsa(SigningAlgorithm.PS256, 2048))) {
            SigningKey back = Pem.readPrivateKey(Pem.writePrivateKey(key), key.algorithm(), key.keyId());
            assertEquals(key, back);
            assertEquals(key.publicKey(), Pem.readPublicKey(Pem.writePublicKey(key.publicKey()), key.algorithm(), key.keyId()));
        }
    }

    @Test
    void acceptsThePublicBlockNextToThePrivateOneAndTextAroundThem() {
        String both = "A key for tests.\r\n" + fixture("ed25519-private.pem").replace("\n", "\r\n")
                + "\n" + fixture("ed25519-public.pem") + "trailing words\n";
        SigningKey key = Pem.readPrivateKey(both, SigningAlgorithm.ED25519, null);
        assertEquals(Pem.readPublicKey(fixture("ed25519-public.pem"), SigningAlgorithm.ED25519, null), key.publicKey());
        String rsa = fixture("rsa2048-private.pem") + fixture("rsa2048-public.pem");
        assertEquals(SigningAlgorithm.RS256, Pem.readPrivateKey(rsa, SigningAlgorithm.RS256, null).algorithm());
    }

    @Test
    void refusesAPublicBlockOfAnotherKey() {
        String otherEd = Pem.writePublicKey(SigningKey.generate(SigningAlgorithm.ED25519).publicKey());
        KeyException e = assertThrows(KeyException.class,
                () -> Pem.readPrivateKey(fixture("ed25519-private.pem") + otherEd, SigningAlgorithm.ED25519, null));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
        String otherRsa = Pem.writePublicKey(SigningKey.generateRsa(SigningAlgorithm.RS256, 2048).publicKey());
        e = assertThrows(KeyException.class,
                () -> Pem.readPrivateKey(fixture("rsa2048-private.pem") + otherRsa, SigningAlgorithm.RS256, null));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
    }

    @Test
    void refusesAKeyOfAnotherTypeThanTheAlgorithmSaying() {
        KeyException e = assertThrows(KeyException.class,
                () -> Pem.readPrivateKey(fixture("rsa2048-private.pem"), SigningAlgorithm.ED25519, null));
        assertTrue(e.getMessage().contains("RSA key: use algorithm RS256 or PS256"), e.getMessage());
        e = assertThrows(KeyException.class, () -> Pem.readPublicKey(fixture("ed25519-public.pem"), SigningAlgorithm.RS256, null));
        assertTrue(e.getMessage().contains("Ed25519 key: use algorithm ED25519"), e.getMessage());
        e = assertThrows(KeyException.class, () -> Pem.readPrivateKey(fixture("p256-private.pem"), SigningAlgorithm.ED25519, null));
        assertTrue(e.getMessage().contains("Ed25519 and RSA keys only"), e.getMessage());
    }

    @Test
    void refusesRsaKeysUnder2048Bits() {
        KeyException e = assertThrows(KeyException.class,
                () -> Pem.readPrivateKey(fixture("rsa1024-private.pem"), SigningAlgorithm.RS256, null));
        assertTrue(e.getMessage().contains("2048"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa2048-traditional.pem", "ed25519-encrypted.pem"})
    void refusesOtherFormatsAndSaysHowToConvert(String name) {
        KeyException e = assertThrows(KeyException.class, () -> Pem.readPrivateKey(fixture(name), SigningAlgorithm.RS256, null));
        assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
        assertNoKeyMaterial(fixture(name), e);
    }

    @Test
    void refusesTextThatIsNotOneGoodBlock() {
        String priv = fixture("ed25519-private.pem");
        String pub = fixture("ed25519-public.pem");
        List<String> bad = List.of(
                "",
                "no pem here",
                priv.replace("-----END PRIVATE KEY-----\n", ""),
                priv.replace("-----BEGIN PRIVATE KEY-----\n", ""),
                priv.replace("-----END PRIVATE KEY-----", "-----END PUBLIC KEY-----"),
                priv.replace("PRIVATE KEY", "SECRET THING"),
                priv.replace("MC4C", "MC!C"),
                priv.replace("MC4C", "MC4"),
                priv.replace("-----BEGIN PRIVATE KEY-----\n", "-----BEGIN PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\n"),
                "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
                priv + priv,
                pub,
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" + priv,
                priv + "x".repeat(Pem.MAX_PEM_CHARS));
        for (String text : bad) {
            KeyException e = assertThrows(KeyException.class, () -> Pem.readPrivateKey(text, SigningAlgorithm.ED25519, null),
                    () -> "accepted: " + text);
            assertNoKeyMaterial(priv, e);
        }
    }

    @Test
    void readPublicKeyRefusesPrivateKeys() {
        KeyException e = assertThrows(KeyException.class,
                () -> Pem.readPublicKey(fixture("ed25519-private.pem") + fixture("ed25519-public.pem"), SigningAlgorithm.ED25519, null));
        assertTrue(e.getMessage().contains("PRIVATE KEY where a public key is expected"), e.getMessage());
        assertThrows(KeyException.class, () -> Pem.readPublicKey(fixture("rsa2048-public.pem") + fixture("rsa2048-public.pem"),
                SigningAlgorithm.RS256, null));
    }

    /** No line of the key's base64 body appears in the message. */
    private static void assertNoKeyMaterial(String pem, Exception e) {
        List<String> body = pem.lines().filter(l -> !l.startsWith("-----") && l.length() >= 8).collect(Collectors.toList());
        for (String line : body) {
            assertFalse(e.getMessage().contains(line.substring(0, 8)), e.getMessage());
        }
    }
}
