package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wafer.InvalidSealedValueException;
import dev.wafer.KeyException;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKey;
import dev.wafer.internal.SealedFormat;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.WaferProvider;
import java.security.GeneralSecurityException;

/**
 * The known-answer check of a Wycheproof AEAD case (schema {@code aead_test_schema_v1.json}), shared
 * by the AES-GCM and AES-GCM-SIV suites. Wafer takes 256-bit keys, 12-byte nonces and 16-byte tags
 * only; a case with other parameters must be refused by the api's own checks, whatever its
 * Wycheproof result, because a provider's engine may well accept it (SunJCE and BouncyCastle take
 * GCM nonces of any non-zero length).
 */
final class WycheproofAead {
    /** The api refuses the key: {@link SealingKey#of} throws {@link KeyException}. */
    static final String REFUSED_KEY = "refused by the api: key not 256 bits";
    /** The api refuses the nonce: {@code openRaw} and {@code sealRaw} reject it before the engine runs. */
    static final String REFUSED_NONCE = "refused by the api: nonce not 96 bits";
    /** The api refuses the tag size: Wafer's tags are 128 bits, so a shorter tag never authenticates. */
    static final String REFUSED_TAG = "refused by the api: tag not 128 bits";

    private WycheproofAead() {
    }

    /**
     * What Wafer must do with a case: refuse it by policy, or do what its result says.
     *
     * @param c the case
     * @return one of the {@code REFUSED_*} constants, or the Wycheproof result
     */
    static String expectation(Wycheproof.Case c) {
        if (c.bytes("key").length != 32) {
            return REFUSED_KEY;
        }
        if (c.bytes("iv").length != 12) {
            return REFUSED_NONCE;
        }
        if (c.bytes("tag").length != SealedFormat.TAG_BYTES) {
            return REFUSED_TAG;
        }
        return c.result();
    }

    /**
     * Runs one case: the api's checks first, then (for a provider that has the algorithm) the engine
     * through {@link SealedFormat#sealRaw} and {@link SealedFormat#openRaw}.
     *
     * @param spi the provider under test
     * @param algorithm the AEAD the file is about
     * @param c the case
     * @throws GeneralSecurityException if the provider refuses a 256-bit key, which fails the test
     */
    static void check(WaferProvider spi, SealingAlgorithm algorithm, Wycheproof.Case c) throws GeneralSecurityException {
        byte[] key = c.bytes("key");
        byte[] iv = c.bytes("iv");
        byte[] aad = c.bytes("aad");
        byte[] msg = c.bytes("msg");
        byte[] ct = c.bytes("ct");
        byte[] tag = c.bytes("tag");
        byte[] ctAndTag = new byte[ct.length + tag.length];
        System.arraycopy(ct, 0, ctAndTag, 0, ct.length);
        System.arraycopy(tag, 0, ctAndTag, ct.length, tag.length);
        String expectation = expectation(c);

        if (REFUSED_KEY.equals(expectation)) {
            // Needs no provider: the key never reaches one.
            assertThrows(KeyException.class, () -> SealingKey.of(algorithm, "00000000", key),
                    () -> "a " + key.length * 8 + "-bit key must be refused by the api");
            return;
        }
        SealingKey.of(algorithm, "00000000", key);
        if (!spi.algorithms().contains(algorithm)) {
            // A provider without the algorithm rejects every in-scope case: it never substitutes one.
            assertThrows(java.security.NoSuchAlgorithmException.class, () -> spi.newAeadEngine(algorithm, key),
                    () -> spi.name() + " does not list " + algorithm + " and must refuse it");
            return;
        }
        AeadEngine engine = spi.newAeadEngine(algorithm, key);
        switch (expectation) {
            case REFUSED_NONCE:
                assertThrows(InvalidSealedValueException.class, () -> SealedFormat.openRaw(engine, iv, ctAndTag, aad),
                        () -> "a " + iv.length * 8 + "-bit nonce must be refused when opening");
                assertThrows(IllegalArgumentException.class, () -> SealedFormat.sealRaw(engine, iv, msg, aad),
                        () -> "a " + iv.length * 8 + "-bit nonce must be refused when sealing");
                break;
            case REFUSED_TAG:
                assertThrows(InvalidSealedValueException.class, () -> SealedFormat.openRaw(engine, iv, ctAndTag, aad),
                        () -> "a " + tag.length * 8 + "-bit tag must never authenticate");
                break;
            case Wycheproof.VALID:
                assertArrayEquals(ctAndTag, SealedFormat.sealRaw(engine, iv, msg, aad), "ciphertext and tag");
                assertArrayEquals(msg, SealedFormat.openRaw(engine, iv, ctAndTag, aad), "plaintext");
                break;
            case Wycheproof.INVALID:
                assertThrows(InvalidSealedValueException.class, () -> SealedFormat.openRaw(engine, iv, ctAndTag, aad));
                break;
            default:
                fail("no decision for an AEAD case with result " + expectation + " and flags " + c.flags());
        }
    }
}
