package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wafer.InvalidTokenException;
import dev.wafer.KeyException;
import dev.wafer.SigningAlgorithm;
import dev.wafer.VerificationKey;
import dev.wafer.internal.Jws;
import dev.wafer.spi.RsaPublicKeyMaterial;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.spec.RSAPublicKeySpec;
import java.util.Map;

/**
 * The check of a Wycheproof RSA signature case (schemas {@code rsassa_pkcs1_verify_schema_v1.json}
 * and {@code rsassa_pss_verify_schema_v1.json}), shared by the RS256 and PS256 suites: the key
 * goes through {@link VerificationKey#rsa}, whose floor refuses public exponents below 65537 (the
 * {@code SmallPublicKey} groups, e = 3) whatever the case's result; the signature goes through
 * {@link Jws#verifySignature}, as token verification runs it.
 */
final class WycheproofRsa {
    /** The api refuses the key: {@link VerificationKey#rsa} throws {@link KeyException}. */
    static final String REFUSED_KEY = "refused by the api: key below Wafer's floor";
    private static final BigInteger MIN_EXPONENT = BigInteger.valueOf(65537);

    private WycheproofRsa() {
    }

    static BigInteger modulus(Wycheproof.Case c) {
        return unsigned(TestJson.obj(c.group(), "publicKey").get("modulus"));
    }

    static BigInteger exponent(Wycheproof.Case c) {
        return unsigned(TestJson.obj(c.group(), "publicKey").get("publicExponent"));
    }

    /** Wycheproof writes big integers as two's-complement hex; these are all positive. */
    private static BigInteger unsigned(Object hex) {
        return new BigInteger(1, TestJson.hex(hex));
    }

    /**
     * What Wafer must do with a case: refuse its key by policy (the floor of
     * {@link VerificationKey#rsa}: 2048 to 16384 bits, odd e of at least 65537), or what its result says.
     *
     * @param c the case
     * @return {@link #REFUSED_KEY} or the Wycheproof result
     */
    static String expectation(Wycheproof.Case c) {
        BigInteger n = modulus(c);
        BigInteger e = exponent(c);
        boolean belowFloor = n.bitLength() < 2048 || n.bitLength() > 16384
                || e.compareTo(MIN_EXPONENT) < 0 || !e.testBit(0);
        return belowFloor ? REFUSED_KEY : c.result();
    }

    /**
     * Runs one case.
     *
     * @param spi the provider under test
     * @param algorithm {@code RS256} or {@code PS256}
     * @param c the case
     * @param acceptsAcceptable for an {@code acceptable} case, whether the provider declares that it
     *     accepts it; {@code null} when the suite has no decision for it, which fails the test
     */
    static void check(WaferProvider spi, SigningAlgorithm algorithm, Wycheproof.Case c, Boolean acceptsAcceptable) {
        Map<String, Object> group = c.group();
        assertEquals("SHA-256", group.get("sha"), "hash of the group");
        if (algorithm == SigningAlgorithm.PS256) {
            assertEquals("MGF1", group.get("mgf"), "mask generation function");
            assertEquals("SHA-256", group.get("mgfSha"), "MGF1 hash");
            assertEquals(32L, group.get("sLen"), "salt length");
        }
        BigInteger n = modulus(c);
        BigInteger e = exponent(c);
        byte[] msg = c.bytes("msg");
        byte[] sig = c.bytes("sig");
        String expectation = expectation(c);
        if (REFUSED_KEY.equals(expectation)) {
            assertThrows(KeyException.class, () -> VerificationKey.rsa(algorithm, null, n, e),
                    () -> "a " + n.bitLength() + "-bit key with e = " + e + " must be refused by the api");
            return;
        }
        VerificationKey key = VerificationKey.rsa(algorithm, null, n, e);
        assumeTrue(spi.algorithms().contains(algorithm), () -> algorithm + " is not provided by " + spi.name());
        VerifierEngine engine;
        try {
            engine = spi.newVerifier(algorithm, new RsaPublicKeyMaterial(new RSAPublicKeySpec(n, e)));
        } catch (GeneralSecurityException refused) {
            throw new AssertionError("the provider refused a " + n.bitLength() + "-bit key the api accepts", refused);
        }
        Jws.TrustedKey trusted = new Jws.TrustedKey(algorithm, key.signatureLengthBytes(), engine);
        switch (expectation) {
            case Wycheproof.VALID:
                assertDoesNotThrow(() -> Jws.verifySignature(trusted, sig, msg));
                break;
            case Wycheproof.INVALID:
                assertThrows(InvalidTokenException.class, () -> Jws.verifySignature(trusted, sig, msg));
                break;
            case Wycheproof.ACCEPTABLE:
                if (acceptsAcceptable == null) {
                    fail("no declared decision for an acceptable case with flags " + c.flags());
                }
                boolean accepted;
                try {
                    Jws.verifySignature(trusted, sig, msg);
                    accepted = true;
                } catch (InvalidTokenException rejected) {
                    accepted = false;
                }
                assertEquals(acceptsAcceptable, accepted, () -> "the provider declares that it "
                        + (acceptsAcceptable ? "accepts" : "rejects") + " a signature flagged " + c.flags());
                break;
            default:
                fail("no decision for an RSA case with result " + expectation + " and flags " + c.flags());
        }
    }
}
