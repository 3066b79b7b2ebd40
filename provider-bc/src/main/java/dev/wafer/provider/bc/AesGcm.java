package dev.wafer.provider.bc;

import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.AeadEngine;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM (NIST SP 800-38D) on BouncyCastle's {@link GCMBlockCipher} over {@link AESEngine}:
 * 12-byte nonce, 16-byte tag. Pure Java, without AES-NI: several times slower than the JDK's
 * intrinsic GCM, which is why {@link BcProvider#priority(dev.wafer.Algorithm)} ranks it low. This class is
 * thread-safe.
 */
final class AesGcm implements AeadEngine {

    private static final String NAME = "AES-256-GCM";

    private final KeyParameter key;
    // Per engine, not static: the GHASH tables of GCMBlockCipher are rebuilt only when the key
    // changes, so a cipher that always sees this engine's key keeps them from message to message.
    private final ThreadLocal<GCMModeCipher> gcm = ThreadLocal.withInitial(AesGcm::newGcm);

    AesGcm(byte[] key) throws InvalidKeyException {
        this.key = Aead.aesKey(key, SealingAlgorithm.AES_256_GCM);
    }

    @Override
    public SealingAlgorithm algorithm() {
        return SealingAlgorithm.AES_256_GCM;
    }

    @Override
    public void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Aead.seal(gcm.get(), Aead.parameters(key, nonce, nonceOff), NAME,
                aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Aead.open(gcm.get(), Aead.parameters(key, nonce, nonceOff), NAME,
                aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public String toString() {
        return "AesGcm[bc]";
    }

    /** A GCM mode over AES, BouncyCastle's default multiplier (4 KiB tables). */
    static GCMModeCipher newGcm() {
        return GCMBlockCipher.newInstance(AESEngine.newInstance());
    }
}
