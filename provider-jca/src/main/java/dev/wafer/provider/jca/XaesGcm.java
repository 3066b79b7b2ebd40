package dev.wafer.provider.jca;

import dev.wafer.Algorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.DerivedKeyCache;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * XAES-256-GCM (<a href="https://c2sp.org/XAES-256-GCM">C2SP specification</a>): AES-256-GCM under
 * a key derived per message from the first 12 bytes of a 24-byte nonce, with the last 12 bytes as
 * the GCM nonce.
 *
 * <p>The derivation is the spec's: NIST SP 800-108r1 counter-mode KDF with CMAC-AES-256, whose
 * single-block inputs reduce CMAC to {@code AES_K(M xor K1)}. It runs on {@code AES/ECB/NoPadding}
 * under the engine key; the GCM step is {@link AesGcm}'s. This class is thread-safe.
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

    private final SecretKeySpec key;
    /** CMAC subkey K1 of the engine key, fixed for its life (NIST SP 800-38B §6.1). */
    private final byte[] k1;
    // Per engine, not static: the ECB cipher is initialised once, with this engine's key.
    private final ThreadLocal<Cipher> ecb = new ThreadLocal<>();

    XaesGcm(byte[] key) throws GeneralSecurityException {
        this.key = AesGcm.aesKey(key, "XAES-256-GCM");
        byte[] l = ecb().doFinal(new byte[BLOCK_BYTES]);
        // K1 = L << 1, xor 0x87 if MSB(L) = 1; the mask keeps the branch off the secret bit.
        k1 = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES - 1; i++) {
            k1[i] = (byte) ((l[i] << 1) | ((l[i + 1] & 0xff) >>> 7));
        }
        k1[BLOCK_BYTES - 1] = (byte) ((l[BLOCK_BYTES - 1] << 1) ^ (0x87 & -((l[0] & 0xff) >>> 7)));
        Arrays.fill(l, (byte) 0);
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
        return "XaesGcm[jca]";
    }

    /**
     * Derives the message key {@code Kx = AES_K(M1 xor K1) || AES_K(M2 xor K1)}, where
     * {@code Mi = 0x00 || i || 'X' || 0x00 || N[0:12]}. Package-private for the C2SP vector test.
     *
     * @return a new 32-byte array, which the caller wipes
     */
    byte[] deriveKey(byte[] nonce, int nonceOff) throws GeneralSecurityException {
        byte[] m = new byte[2 * BLOCK_BYTES];
        m[1] = 1;
        m[2] = 'X';
        m[BLOCK_BYTES + 1] = 2;
        m[BLOCK_BYTES + 2] = 'X';
        System.arraycopy(nonce, nonceOff, m, 4, AesGcm.NONCE_BYTES);
        System.arraycopy(nonce, nonceOff, m, BLOCK_BYTES + 4, AesGcm.NONCE_BYTES);
        for (int i = 0; i < BLOCK_BYTES; i++) {
            m[i] ^= k1[i];
            m[BLOCK_BYTES + i] ^= k1[i];
        }
        // ECB over the two blocks at once is the two AES calls; in place, so no other copy to wipe.
        ecb().doFinal(m, 0, m.length, m, 0);
        return m;
    }

    private SecretKeySpec newDerivedKey(byte[] nonce, int nonceOff) throws GeneralSecurityException {
        byte[] kx = deriveKey(nonce, nonceOff);
        try {
            return new SecretKeySpec(kx, "AES"); // clones kx
        } finally {
            Arrays.fill(kx, (byte) 0);
        }
    }

    private Cipher ecb() throws GeneralSecurityException {
        Cipher cipher = ecb.get();
        if (cipher == null) {
            cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            ecb.set(cipher);
        }
        return cipher;
    }
}
