package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an imported key must be before any provider sees it (issue 15, points 3, 4, 6, 10, 11 and
 * key_ops): RSA moduli and exponents within bounds and not degenerate, private halves that match
 * their public ones, printable key ids, JSON without unpaired surrogates, key_ops that agree with
 * the key's use.
 */
class KeyImportHardeningTest {
    private static final BigInteger E = BigInteger.valueOf(65537);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String b64(BigInteger v) {
        return Base64Url.encode(VerificationKey.unsigned(v));
    }

    private static String rsaJwks(String kid, BigInteger n, BigInteger e) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"" + b64(n)
                + "\",\"e\":\"" + b64(e) + "\"}]}";
    }

    private static String refusal(String jwks) {
        return assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(jwks)).getMessage();
    }

    @Test
    void degenerateRsaModuliAreRefusedAtImport() {
        BigInteger prime = BigInteger.probablePrime(2048, RANDOM);
        assertEquals("key p: the RSA modulus is prime, so anyone can sign with this key (NIST SP 800-89 §5.3.3)",
                refusal(rsaJwks("p", prime, E)));
        BigInteger square;
        do {
            BigInteger half = BigInteger.probablePrime(1024, RANDOM);
            square = half.multiply(half);
        } while (square.bitLength() != 2048);
        assertEquals("key sq: the RSA modulus is a perfect power, so anyone can sign with this key (NIST SP 800-89 §5.3.3)",
                refusal(rsaJwks("sq", square, E)));
        BigInteger cube = BigInteger.probablePrime(700, RANDOM).pow(3);
        assertEquals("key cube: the RSA modulus is a perfect power, so anyone can sign with this key (NIST SP 800-89 §5.3.3)",
                refusal(rsaJwks("cube", cube, E)));
        BigInteger smallFactor = BoundariesTest.modulusOfBits(2046).multiply(BigInteger.valueOf(751));
        assertEquals("key f: the RSA modulus has a prime factor below 752 (NIST SP 800-89 §5.3.3)",
                refusal(rsaJwks("f", smallFactor, E)));
        // A set with one bad key is refused whole; a consumer that wants the rest says so explicitly.
        String good = rsaJwks("good", BoundariesTest.modulusOfBits(2048), E);
        String mixed = good.replace("]}", "," + rsaJwks("p", prime, E).substring(9));
        assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(mixed));
        List<KeyException> skipped = new ArrayList<>();
        VerificationKeySet rest = VerificationKeySet.fromJwkSetSkippingRefused(mixed, skipped::add);
        assertEquals(List.of("good"), rest.keys().stream().map(VerificationKey::keyId).toList());
        assertEquals(1, skipped.size());
        assertTrue(skipped.get(0).getMessage().contains("prime"), skipped.get(0).getMessage());
    }

    @Test
    void theRsaPublicExponentAndModulusAreBounded() {
        BigInteger n = BoundariesTest.modulusOfBits(2048);
        VerificationKeySet.fromJwkSet(rsaJwks("max", n, BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)));
        for (BigInteger e : List.of(BigInteger.ONE.shiftLeft(32).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE),
                n.subtract(BigInteger.TWO), BigInteger.valueOf(3), BigInteger.valueOf(65539).subtract(BigInteger.ONE))) {
            assertEquals("key e: the RSA public exponent must be odd, from 65537 to 2^32 - 1 (keys are made with 65537)",
                    refusal(rsaJwks("e", n, e)), e.toString(16));
        }
        assertEquals("key big: RSA keys above 8192 bits are refused, not 16384",
                refusal(rsaJwks("big", BoundariesTest.modulusOfBits(16384), E)));
        assertEquals("key small: RSA keys must be at least 2048 bits, not 1024",
                refusal(rsaJwks("small", BoundariesTest.modulusOfBits(1024), E)));
    }

    @Test
    void anRsaPrivateKeyMustBeConsistentWithItself() {
        SigningKey k = SigningKey.generateRsa(SigningAlgorithm.RS256, 2048);
        RSAPrivateCrtKeySpec s = k.rsaSpec();
        BigInteger two = BigInteger.TWO;
        List<RSAPrivateCrtKeySpec> broken = List.of(
                new RSAPrivateCrtKeySpec(s.getModulus(), s.getPublicExponent(), s.getPrivateExponent().add(two), s.getPrimeP(),
                        s.getPrimeQ(), s.getPrimeExponentP(), s.getPrimeExponentQ(), s.getCrtCoefficient()),
                new RSAPrivateCrtKeySpec(s.getModulus(), s.getPublicExponent(), s.getPrivateExponent(), s.getPrimeP(),
                        s.getPrimeQ(), s.getPrimeExponentP().add(two), s.getPrimeExponentQ(), s.getCrtCoefficient()),
                new RSAPrivateCrtKeySpec(s.getModulus(), s.getPublicExponent(), s.getPrivateExponent(), s.getPrimeP(),
                        s.getPrimeQ(), s.getPrimeExponentP(), s.getPrimeExponentQ().add(two), s.getCrtCoefficient()),
                new RSAPrivateCrtKeySpec(s.getModulus(), s.getPublicExponent(), s.getPrivateExponent(), s.getPrimeP(),
                        s.getPrimeQ(), s.getPrimeExponentP(), s.getPrimeExponentQ(), s.getCrtCoefficient().add(BigInteger.ONE)));
        List<String> messages = new ArrayList<>();
        for (RSAPrivateCrtKeySpec spec : broken) {
            KeyException e = assertThrows(KeyException.class, () -> SigningKey.rsa(SigningAlgorithm.RS256, k.keyId(), spec));
            messages.add(e.getMessage());
            assertFalse(e.getMessage().contains(s.getPrivateExponent().toString(16)) || e.getMessage().contains(s.getPrimeP().toString()),
                    "no key material in the message");
        }
        assertTrue(messages.get(0).contains("private exponent d does not match"), messages.get(0));
        assertTrue(messages.get(1).contains("dp and dq do not match d"), messages.get(1));
        assertTrue(messages.get(2).contains("dp and dq do not match d"), messages.get(2));
        assertTrue(messages.get(3).contains("qi does not match"), messages.get(3));
        // And through a key file: a JWK whose dq was edited is refused, naming the key.
        String jwks = SigningKeySet.of(k).toJwkSet();
        Object dq = Json.parseObject(jwks.getBytes(StandardCharsets.UTF_8)).get("keys");
        String editedDq = Base64Url.encode(VerificationKey.unsigned(s.getPrimeExponentQ().add(two)));
        String edited = jwks.replace(Base64Url.encode(VerificationKey.unsigned(s.getPrimeExponentQ())), editedDq);
        assertTrue(dq instanceof List && !edited.equals(jwks));
        KeyException e = assertThrows(KeyException.class, () -> SigningKeySet.fromJwkSet(edited));
        assertTrue(e.getMessage().contains(k.keyId()) && e.getMessage().contains("dp and dq do not match d"), e.getMessage());
    }

    @Test
    void anEd25519PrivateKeyMustMatchItsPublicKey() {
        SigningKey a = SigningKey.ed25519("a", new byte[32]);
        byte[] otherPublic = SigningKey.ed25519("b", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).publicKey().ed25519Bytes();
        KeyException e = assertThrows(KeyException.class, () -> SigningKey.ed25519("a", new byte[32], otherPublic));
        assertEquals("key a: the Ed25519 public key (x) is not the public key of the private key (d)", e.getMessage());
        assertEquals(a, SigningKey.ed25519("a", new byte[32], a.publicKey().ed25519Bytes()));
    }

    @Test
    void keyIdsArePrintableAsciiAndNeverReachAMessageRaw() {
        byte[] x = SigningKey.ed25519("a", new byte[32]).publicKey().ed25519Bytes();
        for (String bad : List.of("a\u001b]0;owned\u0007", "line\nbreak", "tab\there", "caf\u00e9", "nul\u0000", "del\u007f")) {
            KeyException e = assertThrows(KeyException.class, () -> VerificationKey.ed25519(bad, x), bad);
            for (char c : e.getMessage().toCharArray()) {
                assertTrue(c >= 0x20 && c < 0x7f || c > 0x9f && c != 0x2028 && c != 0x2029, "a raw control in: " + e.getMessage());
            }
        }
        String jwks = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"a\\u001b[31mred\",\"x\":\"" + Base64Url.encode(x) + "\"}]}";
        KeyException e = assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(jwks));
        assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
        assertTrue(e.getMessage().contains("\\u001b"), "escaped, so that a reader sees it: " + e.getMessage());
        VerificationKey.ed25519("a-Z_0.9~!", x);
    }

    @Test
    void unpairedSurrogateEscapesAreRefusedOnRead() {
        for (String doc : List.of("{\"a\":\"\\ud800\"}", "{\"a\":\"x\\udc00y\"}", "{\"\\ud83d\":1}", "{\"a\":[\"\\ud83d\\u0041\"]}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Json.parseObject(doc.getBytes(StandardCharsets.UTF_8)), doc);
            assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
        }
        assertEquals("\ud83d\ude00", Json.parseObject("{\"a\":\"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8)).get("a"),
                "a pair is one code point, and fine");
    }

    @Test
    void aKeyFileWithAnUnpairedSurrogateEscapeIsRefused(@TempDir Path dir) throws IOException {
        String x = Base64Url.encode(SigningKey.ed25519("a", new byte[32]).publicKey().ed25519Bytes());
        String publicSet = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"use\":\"sig\",\"x\":\"" + x
                + "\",\"note\":\"KEY\"}],\"note\":\"SET\"}";
        String sealingSet = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"0a1b2c3d\",\"alg\":\"XAES-256-GCM\",\"use\":\"enc\","
                + "\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\",\"note\":\"KEY\"}],\"note\":\"SET\"}";
        String pair = "\\ud83d\\ude00";
        Path file = dir.resolve("public.jwks");
        Files.writeString(file, publicSet.replace("KEY", pair).replace("SET", pair));
        assertEquals(1, KeyFiles.readVerificationKeySet(file).keys().size(), "a pair is fine");
        assertEquals(1, SealingKeySet.fromJwkSet(sealingSet.replace("KEY", pair).replace("SET", pair)).keys().size());
        for (String unpaired : List.of("\\ud800", "x\\udc00y", "\\ud83d\\u0041")) {
            for (String[] where : List.of(new String[] {unpaired, "ok"}, new String[] {"ok", unpaired})) {
                String pub = publicSet.replace("KEY", where[0]).replace("SET", where[1]);
                assertTrue(refusal(pub).contains("surrogate"), refusal(pub));
                Files.writeString(file, pub);
                KeyException e = assertThrows(KeyException.class, () -> KeyFiles.readVerificationKeySet(file), pub);
                assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
                String sealing = sealingSet.replace("KEY", where[0]).replace("SET", where[1]);
                e = assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(sealing), sealing);
                assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
            }
        }
    }

    @Test
    void keyOpsMustAgreeWithTheKeysUse() {
        byte[] x = SigningKey.ed25519("a", new byte[32]).publicKey().ed25519Bytes();
        String base = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"use\":\"sig\",\"x\":\"" + Base64Url.encode(x) + "\"";
        VerificationKeySet.fromJwkSet(base + ",\"key_ops\":[\"verify\"]}]}");
        assertEquals("key k: \"key_ops\" allows \"encrypt\", which this key's use does not; Wafer uses it only to verify",
                refusal(base + ",\"key_ops\":[\"verify\",\"encrypt\"]}]}"));
        assertEquals("key k: \"key_ops\" allows \"sign\", which this key's use does not; Wafer uses it only to verify",
                refusal(base + ",\"key_ops\":[\"sign\"]}]}"), "a public key cannot sign");
        assertEquals("key k: \"key_ops\" must hold distinct strings (RFC 7517 §4.3)",
                refusal(base + ",\"key_ops\":[\"verify\",\"verify\"]}]}"));
        assertEquals("key k: \"key_ops\" must be a non-empty array of strings", refusal(base + ",\"key_ops\":[]}]}"));
        String sealing = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"0a1b2c3d\",\"alg\":\"XAES-256-GCM\",\"use\":\"enc\","
                + "\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\",\"key_ops\":[\"decrypt\"]}]}";
        assertEquals("key 0a1b2c3d: \"key_ops\" does not allow encrypt, which Wafer uses this key to do",
                assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(sealing)).getMessage());
        SealingKeySet.fromJwkSet(sealing.replace("[\"decrypt\"]", "[\"encrypt\",\"decrypt\"]"));
    }
}
