package dev.wafer.provider.tink;

import static dev.wafer.provider.tink.Vectors.ascii;
import static dev.wafer.provider.tink.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.XAesGcmKey;
import com.google.crypto.tink.aead.XAesGcmParameters;
import com.google.crypto.tink.aead.subtle.XAesGcmAead;
import com.google.crypto.tink.util.SecretBytes;
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
 * XAES-256-GCM against the C2SP specification's test vectors (https://c2sp.org/XAES-256-GCM),
 * copied with their licence into src/test/resources/vectors/c2sp: the provider's engine, and Tink's
 * own X-AES-GCM ({@code aead.subtle.XAesGcmAead}, 12-byte salt, no prefix), whose bytes must be
 * the spec's too for the provider's javadoc to say so.
 */
class XaesGcmC2spVectorsTest {

    private static final Map<String, Object> FILE = Vectors.read("/vectors/c2sp/xaes_256_gcm.json");
    private static final int TAG_BYTES = 16;
    private static final int NONCE_BYTES = 24;

    private final TinkProvider provider = new TinkProvider();

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void tinksOwnXAesGcmOpensTheSpecVector(String note, Map<String, Object> v) throws GeneralSecurityException {
        // Tink's output is salt (12) || IV (12) || ct || tag: the spec's nonce, then its ciphertext.
        byte[] aad = ascii(v, "aadAscii");
        byte[] tinkFormat = concat(hex(v, "nonce"), hex(v, "ciphertext"));

        assertArrayEquals(ascii(v, "plaintextAscii"), tinkXaes(hex(v, "key")).decrypt(tinkFormat, aad));
        tinkFormat[tinkFormat.length - 1] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> tinkXaes(hex(v, "key")).decrypt(tinkFormat, aad));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void opensWhatTinksOwnXAesGcmSealsUnderItsRandomNonce(String note, Map<String, Object> v)
            throws GeneralSecurityException {
        byte[] plaintext = ascii(v, "plaintextAscii");
        byte[] aad = ascii(v, "aadAscii");
        byte[] tinkFormat = tinkXaes(hex(v, "key")).encrypt(plaintext, aad);
        byte[] opened = new byte[plaintext.length];

        assertEquals(NONCE_BYTES + plaintext.length + TAG_BYTES, tinkFormat.length);
        engine(v).open(tinkFormat, 0, aad, 0, aad.length, tinkFormat, NONCE_BYTES, tinkFormat.length - NONCE_BYTES,
                opened, 0);

        assertArrayEquals(plaintext, opened);
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
            // Tink's own X-AES-GCM reads every one of these ciphertexts under the same nonce.
            assertArrayEquals(plaintext, tinkXaes(key).decrypt(concat(nonce, ciphertext), aad), "Tink, iteration " + i);
            hash.update(ciphertext, 0, ciphertext.length);
        }
        byte[] digest = new byte[32];
        hash.doFinal(digest, 0, digest.length);
        assertEquals(Vectors.string(accumulated, "iterations10000"), HexFormat.of().formatHex(digest));
    }

    private AeadEngine engine(Map<String, Object> v) throws GeneralSecurityException {
        return provider.newAeadEngine(Algorithm.XAES_256_GCM, hex(v, "key"));
    }

    /** Tink's X-AES-GCM through its public API: 12-byte salt (the spec's N[0:12]), no output prefix. */
    private static Aead tinkXaes(byte[] key) throws GeneralSecurityException {
        XAesGcmParameters parameters = XAesGcmParameters.create(XAesGcmParameters.Variant.NO_PREFIX, 12);
        return XAesGcmAead.create(XAesGcmKey.create(parameters,
                SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()), null));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Reads on from the XOF's output stream: BouncyCastle's doOutput continues where it stopped. */
    private static byte[] read(SHAKEDigest xof, int length) {
        byte[] b = new byte[length];
        xof.doOutput(b, 0, length);
        return b;
    }
}
