package dev.wafer.provider.tink;

import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.subtle.PrfAesCmac;
import dev.wafer.Algorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.DerivedKeyCache;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * XAES-256-GCM (<a href="https://c2sp.org/XAES-256-GCM">C2SP specification</a>): AES-256-GCM under
 * a key derived per message from the first 12 bytes of a 24-byte nonce, with the last 12 bytes as
 * the GCM nonce.
 *
 * <p>The derivation is the spec's NIST SP 800-108r1 counter-mode KDF with CMAC-AES-256, computed
 * by Tink's public {@link PrfAesCmac} (NIST SP 800-38B), exactly as Tink's own X-AES-GCM
 * ({@code aead.internal.XAesGcm}) derives its per-message key; the GCM step is {@link AesGcm}'s.
 * Tink's X-AES-GCM itself ({@code aead.subtle.XAesGcmAead}) writes the same bytes (the tests
 * show it on the C2SP vectors) but draws its own nonce, so it cannot seal under Wafer's.
 * This class is thread-safe: {@link PrfAesCmac} keeps a {@code Cipher} per thread.
 */
final class XaesGcm implements AeadEngine {

    /** This engine\'s GCM cipher per thread; see AesGcm for why it is not shared. */
    private final ThreadLocal<Cipher> gcm = new ThreadLocal<>();
    /**
     * The derived key of this thread's last nonce prefix: the api's sealer reuses a prefix over a
     * run of values (docs/format.md §1.3), and the same key object lets SunJCE keep its key schedule.
     */
    private final DerivedKeyCache<SecretKeySpec> derived = new DerivedKeyCache<>(AesGcm.NONCE_BYTES, this::newDerivedKey);

    static final int NONCE_BYTES = 24;
    private static final int BLOCK_BYTES = 16;

    private final Prf cmac;

    XaesGcm(byte[] key) throws GeneralSecurityException {
        AesGcm.checkLength(key, "XAES-256-GCM"); // before Tink's check, for Wafer's message
        this.cmac = new PrfAesCmac(key); // copies the key (Tink's SecretBytes.copyFrom)
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.XAES_256_GCM;
    }

    @Override
    public void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        AesGcm.seal(gcm, derived.get(nonce, nonceOff), nonce, nonceOff + AesGcm.NONCE_BYTES,
                aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        AesGcm.open(gcm, derived.get(nonce, nonceOff), nonce, nonceOff + AesGcm.NONCE_BYTES,
                aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public String toString() {
        return "XaesGcm[tink]";
    }

    /**
     * Derives the message key {@code Kx = CMAC_K(M1) || CMAC_K(M2)}, where
     * {@code Mi = 0x00 || i || 'X' || 0x00 || N[0:12]}. Package-private for the C2SP vector test.
     *
     * @return a new 32-byte array, which the caller wipes
     */
    byte[] deriveKey(byte[] nonce, int nonceOff) throws GeneralSecurityException {
        byte[] m = new byte[BLOCK_BYTES];
        m[2] = 'X';
        System.arraycopy(nonce, nonceOff, m, 4, AesGcm.NONCE_BYTES);
        byte[] kx = new byte[2 * BLOCK_BYTES];
        for (int i = 1; i <= 2; i++) {
            m[1] = (byte) i;
            byte[] half = cmac.compute(m, BLOCK_BYTES);
            System.arraycopy(half, 0, kx, (i - 1) * BLOCK_BYTES, BLOCK_BYTES);
            Arrays.fill(half, (byte) 0);
        }
        return kx;
    }

    private SecretKeySpec newDerivedKey(byte[] nonce, int nonceOff) throws GeneralSecurityException {
        byte[] kx = deriveKey(nonce, nonceOff);
        try {
            return new SecretKeySpec(kx, "AES"); // clones kx
        } finally {
            Arrays.fill(kx, (byte) 0);
        }
    }
}
