package dev.wafer.provider.bc;

import dev.wafer.Algorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.DerivedKeyCache;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * XAES-256-GCM (<a href="https://c2sp.org/XAES-256-GCM">C2SP specification</a>): AES-256-GCM under
 * a key derived per message from the first 12 bytes of a 24-byte nonce, with the last 12 bytes as
 * the GCM nonce.
 *
 * <p>The derivation is the spec's: NIST SP 800-108r1 counter-mode KDF with CMAC-AES-256, two
 * single-block inputs {@code Mi = 0x00 || i || 'X' || 0x00 || N[0:12]}. It runs on BouncyCastle's
 * own {@link CMac} over {@link AESEngine}, keyed once per thread with the engine key (so its
 * subkey K1 is computed once, as the spec suggests), which makes each CMAC here exactly
 * {@code AES_K(Mi xor K1)}; the GCM step is {@link AesGcm}'s mode. This class is thread-safe.
 */
final class XaesGcm implements AeadEngine {

    static final int NONCE_BYTES = 24;
    private static final String NAME = "XAES-256-GCM";
    private static final int BLOCK_BYTES = 16;

    private final KeyParameter key;
    // Per engine: the CMAC is keyed once per thread with this engine's key. The GCM takes a new
    // derived key every message, so its tables are rebuilt every time whoever owns it.
    private final ThreadLocal<Mac> cmac = ThreadLocal.withInitial(this::newCmac);
    private final ThreadLocal<GCMModeCipher> gcm = ThreadLocal.withInitial(AesGcm::newGcm);
    /** The derived key of this thread's last nonce prefix (docs/format.md §1.3): saves the CMAC calls. */
    private final DerivedKeyCache<KeyParameter> derived = new DerivedKeyCache<>(Aead.NONCE_BYTES, this::newDerivedKey);

    XaesGcm(byte[] key) throws InvalidKeyException {
        this.key = Aead.aesKey(key, NAME);
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.XAES_256_GCM;
    }

    @Override
    public void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Aead.seal(gcm.get(), Aead.parameters(derived.get(nonce, nonceOff), nonce, nonceOff + Aead.NONCE_BYTES), NAME,
                aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Aead.open(gcm.get(), Aead.parameters(derived.get(nonce, nonceOff), nonce, nonceOff + Aead.NONCE_BYTES), NAME,
                aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public String toString() {
        return "XaesGcm[bc]";
    }

    private KeyParameter newDerivedKey(byte[] nonce, int nonceOff) {
        byte[] kx = deriveKey(nonce, nonceOff);
        try {
            return new KeyParameter(kx); // copies kx
        } finally {
            Arrays.fill(kx, (byte) 0);
        }
    }

    /**
     * Derives the message key {@code Kx = CMAC_K(M1) || CMAC_K(M2)}, where
     * {@code Mi = 0x00 || i || 'X' || 0x00 || N[0:12]}. Package-private for the C2SP vector test.
     *
     * @return a new 32-byte array, which the caller wipes
     */
    byte[] deriveKey(byte[] nonce, int nonceOff) {
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
}
