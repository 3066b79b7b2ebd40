package dev.wafer.provider.tink;

import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.subtle.EngineFactory;
import com.google.crypto.tink.subtle.PrfAesCmac;
import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.support.EngineChecks;
import dev.wafer.spi.support.JceAesGcm;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The parts of XAES-256-GCM (<a href="https://c2sp.org/XAES-256-GCM">C2SP specification</a>) on
 * Tink, composed by the api's {@link dev.wafer.spi.support.XaesGcm}.
 *
 * <p>The derivation is the spec's NIST SP 800-108r1 counter-mode KDF with CMAC-AES-256, computed
 * by Tink's public {@link PrfAesCmac} (NIST SP 800-38B), exactly as Tink's own X-AES-GCM
 * ({@code aead.internal.XAesGcm}) derives its per-message key; the GCM step is the cipher of
 * Tink's {@code EngineFactory}, through {@link JceAesGcm}. Tink's X-AES-GCM itself
 * ({@code aead.subtle.XAesGcmAead}) writes the same bytes (the tests show it on the C2SP vectors)
 * but draws its own nonce, so it cannot seal under Wafer's. Thread-safe: {@link PrfAesCmac} keeps
 * a {@code Cipher} per thread.
 */
final class XaesGcm implements dev.wafer.spi.support.XaesGcm.Parts<JceAesGcm.DerivedKey> {

    private static final int BLOCK_BYTES = 16;
    private static final int PREFIX_BYTES = dev.wafer.spi.support.XaesGcm.PREFIX_BYTES;

    private final Prf cmac;
    private final JceAesGcm gcm = JceAesGcm.keyedPerCall(EngineFactory.CIPHER::getInstance, "tink");

    XaesGcm(byte[] key) throws GeneralSecurityException {
        // Wafer's check before Tink's, for Wafer's message; PrfAesCmac copies the key.
        this.cmac = new PrfAesCmac(EngineChecks.aes256Key(key, SealingAlgorithm.XAES_256_GCM));
    }

    /** The engine: the api's composition over these parts. */
    static dev.wafer.spi.support.XaesGcm<JceAesGcm.DerivedKey> engine(byte[] key) throws GeneralSecurityException {
        return new dev.wafer.spi.support.XaesGcm<>(new XaesGcm(key), "tink");
    }

    @Override
    public JceAesGcm.DerivedKey gcmKey(byte[] derived) {
        return gcm.derivedKey(derived); // copies
    }

    @Override
    public void wipe(JceAesGcm.DerivedKey k) {
        gcm.wipe(k);
    }

    @Override
    public void seal(JceAesGcm.DerivedKey k, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        gcm.seal(k, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public void open(JceAesGcm.DerivedKey k, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        gcm.open(k, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    /**
     * Derives the message key {@code Kx = CMAC_K(M1) || CMAC_K(M2)}, where
     * {@code Mi = 0x00 || i || 'X' || 0x00 || N[0:12]}.
     *
     * @return a new 32-byte array, which the caller wipes
     */
    @Override
    public byte[] deriveKey(byte[] nonce, int nonceOff) throws GeneralSecurityException {
        byte[] m = new byte[BLOCK_BYTES];
        m[2] = 'X';
        System.arraycopy(nonce, nonceOff, m, 4, PREFIX_BYTES);
        byte[] kx = new byte[2 * BLOCK_BYTES];
        for (int i = 1; i <= 2; i++) {
            m[1] = (byte) i;
            byte[] half = cmac.compute(m, BLOCK_BYTES);
            System.arraycopy(half, 0, kx, (i - 1) * BLOCK_BYTES, BLOCK_BYTES);
            Arrays.fill(half, (byte) 0);
        }
        return kx;
    }

    @Override
    public String toString() {
        return "XaesGcm.Parts[tink]";
    }
}
