package dev.wafer.provider.bc;

import static dev.wafer.provider.bc.Vectors.ascii;
import static dev.wafer.provider.bc.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wafer.Algorithm;
import dev.wafer.spi.AeadEngine;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * XAES-256-GCM on the BouncyCastle provider against the C2SP specification's test vectors
 * (https://c2sp.org/XAES-256-GCM), copied with their licence into src/test/resources/vectors/c2sp:
 * the derived key Kx (BouncyCastle's CMac), the ciphertexts, and the 10 000-iteration accumulated
 * hash (SHAKE-128 from BouncyCastle's SHAKEDigest as the RNG).
 */
class XaesGcmC2spVectorsTest {

    private static final Map<String, Object> FILE = Vectors.read("/vectors/c2sp/xaes_256_gcm.json");
    private static final int TAG_BYTES = 16;

    private final BcProvider provider = new BcProvider();

    static Stream<Arguments> vectors() {
        return Vectors.objects(FILE, "vectors").stream().map(v -> Arguments.of(v.get("note"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sealsTheSpecVectorByteForByte(String note, Map<String, Object> v) throws GeneralSecurityException {
        byte[] plaintext = ascii(v, "plaintextAscii");
        byte[] aad = ascii(v, "aadAscii");
        byte[] out = new byte[plaintext.length + TAG_BYTES];

        engine(v).seal(hex(v, "nonce"), 0, aad, 0, aad.length, plaintext, 0, plaintext.length, out, 0);

        assertArrayEquals(hex(v, "ciphertext"), out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sealsTheSpecVectorInPlaceAtAnOffset(String note, Map<String, Object> v) throws GeneralSecurityException {
        byte[] plaintext = ascii(v, "plaintextAscii");
        byte[] aad = ascii(v, "aadAscii");
        byte[] buffer = new byte[3 + plaintext.length + TAG_BYTES];
        System.arraycopy(plaintext, 0, buffer, 3, plaintext.length);

        engine(v).seal(hex(v, "nonce"), 0, aad, 0, aad.length, buffer, 3, plaintext.length, buffer, 3);

        assertArrayEquals(hex(v, "ciphertext"), Arrays.copyOfRange(buffer, 3, buffer.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void opensTheSpecVectorInPlace(String note, Map<String, Object> v) throws GeneralSecurityException {
        byte[] ciphertext = hex(v, "ciphertext");
        byte[] aad = ascii(v, "aadAscii");

        engine(v).open(hex(v, "nonce"), 0, aad, 0, aad.length, ciphertext, 0, ciphertext.length, ciphertext, 0);

        assertArrayEquals(ascii(v, "plaintextAscii"), Arrays.copyOf(ciphertext, ciphertext.length - TAG_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void derivesTheSpecMessageKey(String note, Map<String, Object> v) throws GeneralSecurityException {
        // Nx is the nonce's second half, which the engine hands to GCM as it is.
        assertArrayEquals(hex(v, "Nx"), Arrays.copyOfRange(hex(v, "nonce"), 12, 24));
        assertArrayEquals(hex(v, "Kx"), ((XaesGcm) engine(v)).deriveKey(hex(v, "nonce"), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void derivesTheSpecMessageKeyFromANonceAtAnOffset(String note, Map<String, Object> v)
            throws GeneralSecurityException {
        byte[] nonce = new byte[7 + 24];
        System.arraycopy(hex(v, "nonce"), 0, nonce, 7, 24);

        assertArrayEquals(hex(v, "Kx"), ((XaesGcm) engine(v)).deriveKey(nonce, 7));
    }

    @Test
    void reproducesTheAccumulatedHashOf10000RandomizedIterations() throws GeneralSecurityException {
        Map<String, Object> accumulated = Vectors.object(FILE, "accumulated");
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
            AeadEngine engine = provider.newAeadEngine(Algorithm.XAES_256_GCM, key);
            byte[] ciphertext = new byte[plaintext.length + TAG_BYTES];
            byte[] opened = new byte[plaintext.length];

            engine.seal(nonce, 0, aad, 0, aad.length, plaintext, 0, plaintext.length, ciphertext, 0);
            engine.open(nonce, 0, aad, 0, aad.length, ciphertext, 0, ciphertext.length, opened, 0);

            assertArrayEquals(plaintext, opened, "iteration " + i);
            hash.update(ciphertext, 0, ciphertext.length);
        }
        byte[] digest = new byte[32];
        hash.doFinal(digest, 0, digest.length);
        assertEquals(Vectors.string(accumulated, "iterations10000"), HexFormat.of().formatHex(digest));
    }

    private AeadEngine engine(Map<String, Object> v) throws GeneralSecurityException {
        return provider.newAeadEngine(Algorithm.XAES_256_GCM, hex(v, "key"));
    }

    /** Reads on from the XOF's output stream: BouncyCastle's doOutput continues where it stopped. */
    private static byte[] read(SHAKEDigest xof, int length) {
        byte[] b = new byte[length];
        xof.doOutput(b, 0, length);
        return b;
    }
}
