package dev.wafer.provider.accp;

import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.support.EngineChecks;
import dev.wafer.spi.support.JceAesGcm;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The parts of XAES-256-GCM (<a href="https://c2sp.org/XAES-256-GCM">C2SP specification</a>) on
 * ACCP, composed by the api's {@link dev.wafer.spi.support.XaesGcm}.
 *
 * <p>The derivation is the spec's: NIST SP 800-108r1 counter-mode KDF with CMAC-AES-256, whose
 * single-block inputs reduce CMAC to {@code AES_K(M xor K1)}. ACCP has no {@code AES/ECB}, so each
 * block is one call of its {@code AES/CBC/NoPadding} under a zero IV, which is that one AES block
 * (NIST SP 800-38A §6.2); {@link Cipher#doFinal} returns the cipher to that IV. The GCM step is
 * ACCP's {@code AES/GCM/NoPadding}, through {@link JceAesGcm}. This class is thread-safe.
 */
final class XaesGcm implements dev.wafer.spi.support.XaesGcm.Parts<JceAesGcm.DerivedKey> {

    private static final int BLOCK_BYTES = 16;
    private static final int PREFIX_BYTES = dev.wafer.spi.support.XaesGcm.PREFIX_BYTES;
    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[BLOCK_BYTES]);

    private final SecretKeySpec key;
    private final Provider provider;
    /** CMAC subkey K1 of the engine key, fixed for its life (NIST SP 800-38B §6.1). */
    private final byte[] k1;
    // Per engine, not static: the block cipher is initialised once, with this engine's key.
    private final ThreadLocal<Cipher> block = new ThreadLocal<>();
    private final JceAesGcm gcm;

    XaesGcm(byte[] key, Provider provider) throws GeneralSecurityException {
        this.key = new SecretKeySpec(EngineChecks.aes256Key(key, SealingAlgorithm.XAES_256_GCM), "AES");
        this.provider = provider;
        this.gcm = JceAesGcm.keyedPerCall(transformation -> Cipher.getInstance(transformation, provider), "accp");
        byte[] l = block().doFinal(new byte[BLOCK_BYTES]);
        // K1 = L << 1, xor 0x87 if MSB(L) = 1; the mask keeps the branch off the secret bit.
        k1 = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES - 1; i++) {
            k1[i] = (byte) ((l[i] << 1) | ((l[i + 1] & 0xff) >>> 7));
        }
        k1[BLOCK_BYTES - 1] = (byte) ((l[BLOCK_BYTES - 1] << 1) ^ (0x87 & -((l[0] & 0xff) >>> 7)));
        Arrays.fill(l, (byte) 0);
    }

    /** The engine: the api's composition over these parts. */
    static dev.wafer.spi.support.XaesGcm<JceAesGcm.DerivedKey> engine(byte[] key, Provider provider)
            throws GeneralSecurityException {
        return new dev.wafer.spi.support.XaesGcm<>(new XaesGcm(key, provider), "accp");
    }

    @Override
    public JceAesGcm.DerivedKey gcmKey(byte[] derived) {
        return gcm.derivedKey(derived); // copies
    }

    /**
     * Zeroes the key's bytes and re-keys its ciphers with an all-zero key ({@link JceAesGcm#wipe}),
     * as jca and tink do. Whether ACCP zeroes the native state of the old key when a cipher is
     * re-keyed is ACCP's; Wafer cannot reach it.
     */
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
     * {@code Mi = 0x00 || i || 'X' || 0x00 || N[0:12]}.
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
        // Two separate single-block CBC calls, each from the zero IV: ECB of the two blocks. In
        // place, so no other copy to wipe.
        Cipher c = block();
        c.doFinal(m, 0, BLOCK_BYTES, m, 0);
        c.doFinal(m, BLOCK_BYTES, BLOCK_BYTES, m, BLOCK_BYTES);
        return m;
    }

    private Cipher block() throws GeneralSecurityException {
        Cipher cipher = block.get();
        if (cipher == null) {
            cipher = Cipher.getInstance("AES/CBC/NoPadding", provider);
            cipher.init(Cipher.ENCRYPT_MODE, key, ZERO_IV);
            block.set(cipher);
        }
        return cipher;
    }

    @Override
    public String toString() {
        return "XaesGcm.Parts[accp]";
    }
}
