package dev.wafer.provider.bc;

import dev.wafer.SealingAlgorithm;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The parts of XAES-256-GCM (<a href="https://c2sp.org/XAES-256-GCM">C2SP</a>) on BouncyCastle,
 * composed by the api's {@link dev.wafer.spi.support.XaesGcm}: the key derivation is the spec's
 * NIST SP 800-108r1 counter-mode KDF with CMAC-AES-256, two single-block inputs
 * {@code Mi = 0x00 || i || 'X' || 0x00 || N[0:12]}, on BouncyCastle's own {@link CMac} over
 * {@link AESEngine}, keyed once per thread with the engine key (so its subkey K1 is computed once,
 * as the spec suggests); the GCM step is {@link AesGcm}'s mode. Thread-safe.
 */
final class XaesGcm implements dev.wafer.spi.support.XaesGcm.Parts<KeyParameter> {

    private static final String NAME = "XAES-256-GCM";
    private static final int BLOCK_BYTES = 16;

    private final KeyParameter key;
    // Per engine: the CMAC is keyed once per thread with this engine's key. The GCM takes a new
    // derived key every prefix, so its tables are rebuilt then, whoever owns it.
    private final ThreadLocal<Mac> cmac = ThreadLocal.withInitial(this::newCmac);
    private final ThreadLocal<GCMModeCipher> gcm = ThreadLocal.withInitial(AesGcm::newGcm);

    XaesGcm(byte[] key) throws InvalidKeyException {
        this.key = Aead.aesKey(key, SealingAlgorithm.XAES_256_GCM);
    }

    /** The engine: the api's composition over these parts. */
    static dev.wafer.spi.support.XaesGcm<KeyParameter> engine(byte[] key) throws InvalidKeyException {
        return new dev.wafer.spi.support.XaesGcm<>(new XaesGcm(key), "bc");
    }

    @Override
    public KeyParameter gcmKey(byte[] derived) {
        return new KeyParameter(derived); // copies
    }

    @Override
    public void wipe(KeyParameter k) {
        // KeyParameter hands out its own array. The GCM's tables built from the key stay in the
        // thread's cipher until its next key replaces them.
        java.util.Arrays.fill(k.getKey(), (byte) 0);
    }

    @Override
    public void seal(KeyParameter k, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Aead.seal(gcm.get(), Aead.parameters(k, nonce, nonceOff), NAME, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public void open(KeyParameter k, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Aead.open(gcm.get(), Aead.parameters(k, nonce, nonceOff), NAME, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    /**
     * Derives the message key {@code Kx = CMAC_K(M1) || CMAC_K(M2)}, where
     * {@code Mi = 0x00 || i || 'X' || 0x00 || N[0:12]}.
     *
     * @return a new 32-byte array, which the caller wipes
     */
    @Override
    public byte[] deriveKey(byte[] nonce, int nonceOff) {
        byte[] m = new byte[BLOCK_BYTES];
        m[1] = 1;
        m[2] = 'X';
        System.arraycopy(nonce, nonceOff, m, 4, Aead.NONCE_BYTES);
        byte[] kx = new byte[2 * BLOCK_BYTES];
        Mac mac = cmac.get();
        // doFinal resets the CMAC to its keyed state, ready for the next block.
        mac.update(m, 0, BLOCK_BYTES);
        mac.doFinal(kx, 0);
        m[1] = 2;
        mac.update(m, 0, BLOCK_BYTES);
        mac.doFinal(kx, BLOCK_BYTES);
        return kx;
    }

    private Mac newCmac() {
        Mac mac = new CMac(AESEngine.newInstance());
        mac.init(key);
        return mac;
    }

    @Override
    public String toString() {
        return "XaesGcm.Parts[bc]";
    }
}
