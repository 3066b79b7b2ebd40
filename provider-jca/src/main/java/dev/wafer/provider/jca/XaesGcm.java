package dev.wafer.provider.jca;

import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.support.EngineChecks;
import dev.wafer.spi.support.JceAesGcm;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The parts of XAES-256-GCM (<a href="https://c2sp.org/XAES-256-GCM">C2SP specification</a>) on
 * the JDK, composed by the api's {@link dev.wafer.spi.support.XaesGcm}.
 *
 * <p>The derivation is the spec's: NIST SP 800-108r1 counter-mode KDF with CMAC-AES-256, whose
 * single-block inputs reduce CMAC to {@code AES_K(M xor K1)}. It runs on {@code AES/ECB/NoPadding}
 * under the engine key; the GCM step is SunJCE's, through {@link JceAesGcm}, under a derived
 * key that the api's shared cache hands back, with ciphers already keyed under it, for every
 * message of a prefix it holds, so SunJCE keeps its key schedule. This class is thread-safe.
 */
final class XaesGcm implements dev.wafer.spi.support.XaesGcm.Parts<JceAesGcm.DerivedKey> {

    private static final int BLOCK_BYTES = 16;
    private static final int PREFIX_BYTES = dev.wafer.spi.support.XaesGcm.PREFIX_BYTES;

    private final SecretKeySpec key;
    /** CMAC subkey K1 of the engine key, fixed for its life (NIST SP 800-38B §6.1). */
    private final byte[] k1;
    // Per engine, not static: the ECB cipher is initialised once, with this engine's key.
    private final ThreadLocal<Cipher> ecb = new ThreadLocal<>();
    private final JceAesGcm gcm = JceAesGcm.keyedPerCall(Cipher::getInstance, "jca");

    XaesGcm(byte[] key) throws GeneralSecurityException {
        this.key = new SecretKeySpec(EngineChecks.aes256Key(key, SealingAlgorithm.XAES_256_GCM), "AES");
        byte[] l = ecb().doFinal(new byte[BLOCK_BYTES]);
        // K1 = L << 1, xor 0x87 if MSB(L) = 1; the mask keeps the branch off the secret bit.
        k1 = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES - 1; i++) {
            k1[i] = (byte) ((l[i] << 1) | ((l[i + 1] & 0xff) >>> 7));
        }
        k1[BLOCK_BYTES - 1] = (byte) ((l[BLOCK_BYTES - 1] << 1) ^ (0x87 & -((l[0] & 0xff) >>> 7)));
        Arrays.fill(l, (byte) 0);
    }

    /** The engine: the api's composition over these parts. */
    static dev.wafer.spi.support.XaesGcm<JceAesGcm.DerivedKey> engine(byte[] key) throws GeneralSecurityException {
        return new dev.wafer.spi.support.XaesGcm<>(new XaesGcm(key), "jca");
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
     * Derives the message key {@code Kx = AES_K(M1 xor K1) || AES_K(M2 xor K1)}, where
     * {@code Mi = 0x00 || i || 'X' || 0x00 || N[0:12]}. Package-private for the C2SP vector test.
     *
     * @return a new 32-byte array, which the caller wipes
     */
    @Override
    public byte[] deriveKey(byte[] nonce, int nonceOff) throws GeneralSecurityException {
        byte[] m = new byte[2 * BLOCK_BYTES];
        m[1] = 1;
        m[2] = 'X';
        m[BLOCK_BYTES + 1] = 2;
        m[BLOCK_BYTES + 2] = 'X';
        System.arraycopy(nonce, nonceOff, m, 4, PREFIX_BYTES);
        System.arraycopy(nonce, nonceOff, m, BLOCK_BYTES + 4, PREFIX_BYTES);
        for (int i = 0; i < BLOCK_BYTES; i++) {
            m[i] ^= k1[i];
            m[BLOCK_BYTES + i] ^= k1[i];
        }
        // ECB over the two blocks at once is the two AES calls; in place, so no other copy to wipe.
        ecb().doFinal(m, 0, m.length, m, 0);
        return m;
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

    @Override
    public String toString() {
        return "XaesGcm.Parts[jca]";
    }
}
