package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.support.XaesGcm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * XAES-256-GCM against the C2SP specification's test vectors (https://c2sp.org/XAES-256-GCM,
 * copied with their licence into {@code vectors/c2sp}): every vector sealed byte for byte and
 * opened in place, the message key derived as the spec says (from a nonce at an offset too, when
 * the provider shows its derivation), and the spec's accumulated hash of 10,000 randomized
 * iterations. A provider without XAES-256-GCM passes vacuously: it must then refuse the algorithm,
 * which {@link EngineContractConformance} checks.
 */
public abstract class XaesC2spConformance extends ProviderUnderTest {
    private static final Map<String, Object> FILE = TestJson.resource("/vectors/c2sp/xaes_256_gcm.json");
    private static final int TAG_BYTES = 16;

    /**
     * The provider's XAES-256-GCM parts, to check its key derivation by itself; empty if the
     * provider does not compose {@link XaesGcm}.
     *
     * @param key the engine key
     * @return the parts
     * @throws GeneralSecurityException if the key is refused
     */
    protected Optional<XaesGcm.Parts<?>> xaesParts(byte[] key) throws GeneralSecurityException {
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> vectors() {
        return ((List<Map<String, Object>>) FILE.get("vectors")).stream().map(v -> Arguments.of(v.get("note"), v));
    }

    private static byte[] ascii(Map<String, Object> v, String name) {
        return ((String) v.get(name)).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] hex(Map<String, Object> v, String name) {
        return TestJson.hex(v.get(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sealsTheSpecVectorByteForByte(String note, Map<String, Object> v) throws GeneralSecurityException {
        if (!supports(SealingAlgorithm.XAES_256_GCM)) {
            return;
        }
        byte[] plaintext = ascii(v, "plaintextAscii");
        byte[] aad = ascii(v, "aadAscii");
        byte[] out = new byte[plaintext.length + TAG_BYTES];

        engine(hex(v, "key")).seal(hex(v, "nonce"), 0, aad, 0, aad.length, plaintext, 0, plaintext.length, out, 0);

        assertArrayEquals(hex(v, "ciphertext"), out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void opensTheSpecVectorInPlace(String note, Map<String, Object> v) throws GeneralSecurityException {
        if (!supports(SealingAlgorithm.XAES_256_GCM)) {
            return;
        }
        byte[] ciphertext = hex(v, "ciphertext");
        byte[] aad = ascii(v, "aadAscii");

        engine(hex(v, "key")).open(hex(v, "nonce"), 0, aad, 0, aad.length, ciphertext, 0, ciphertext.length, ciphertext, 0);

        assertArrayEquals(ascii(v, "plaintextAscii"), Arrays.copyOf(ciphertext, ciphertext.length - TAG_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void derivesTheSpecMessageKeyAlsoFromANonceAtAnOffset(String note, Map<String, Object> v)
            throws GeneralSecurityException {
        Optional<XaesGcm.Parts<?>> parts = xaesParts(hex(v, "key"));
        if (parts.isEmpty()) {
            return;
        }
        // Nx is the nonce's second half, which the engine hands to GCM as it is.
        assertArrayEquals(hex(v, "Nx"), Arrays.copyOfRange(hex(v, "nonce"), 12, 24));
        assertArrayEquals(hex(v, "Kx"), parts.get().deriveKey(hex(v, "nonce"), 0));
        byte[] framed = new byte[7 + 24];
        System.arraycopy(hex(v, "nonce"), 0, framed, 7, 24);
        assertArrayEquals(hex(v, "Kx"), parts.get().deriveKey(framed, 7));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reproducesTheAccumulatedHashOf10000RandomizedIterations() throws GeneralSecurityException {
        if (!supports(SealingAlgorithm.XAES_256_GCM)) {
            return;
        }
        Map<String, Object> accumulated = (Map<String, Object>) FILE.get("accumulated");
        SHAKEDigest rng = new SHAKEDigest(128);
        SHAKEDigest hash = new SHAKEDigest(128);
        // The RNG is one SHAKE-128 output stream of the empty input: its first bytes are published.
        byte[] prefix = hex(accumulated, "rngStreamPrefix");
        assertArrayEquals(prefix, read(new SHAKEDigest(128), prefix.length));

        for (int i = 0; i < 10_000; i++) {
            byte[] key = read(rng, 32);
            byte[] nonce = read(rng, 24);
            byte[] plaintext = read(rng, read(rng, 1)[0] & 0xff);
            byte[] aad = read(rng, read(rng, 1)[0] & 0xff);
            AeadEngine engine = engine(key);
            byte[] ciphertext = new byte[plaintext.length + TAG_BYTES];
            byte[] opened = new byte[plaintext.length];

            engine.seal(nonce, 0, aad, 0, aad.length, plaintext, 0, plaintext.length, ciphertext, 0);
            engine.open(nonce, 0, aad, 0, aad.length, ciphertext, 0, ciphertext.length, opened, 0);

            assertArrayEquals(plaintext, opened, "iteration " + i);
            hash.update(ciphertext, 0, ciphertext.length);
        }
        byte[] digest = new byte[32];
        hash.doFinal(digest, 0, digest.length);
        assertEquals(accumulated.get("iterations10000"), HexFormat.of().formatHex(digest));
    }

    private AeadEngine engine(byte[] key) throws GeneralSecurityException {
        return spi().newAeadEngine(SealingAlgorithm.XAES_256_GCM, key);
    }

    /** Reads on from the XOF's output stream: BouncyCastle's doOutput continues where it stopped. */
    private static byte[] read(SHAKEDigest xof, int length) {
        byte[] b = new byte[length];
        xof.doOutput(b, 0, length);
        return b;
    }
}
