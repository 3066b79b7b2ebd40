package dev.wafer.provider.bc;

import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.AeadEngine;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMSIVBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM-SIV (<a href="https://www.rfc-editor.org/rfc/rfc8452">RFC 8452</a>) on BouncyCastle's
 * {@link GCMSIVBlockCipher}: 12-byte nonce, 16-byte tag, nonce-misuse resistant (a repeated nonce
 * reveals only whether two messages were equal). The mode derives its per-nonce keys (RFC 8452
 * §4) at every {@code init}, and buffers the whole message, since the tag is its IV. This class is
 * thread-safe.
 */
final class AesGcmSiv implements AeadEngine {

    private static final String NAME = "AES-256-GCM-SIV";

    private final KeyParameter key;
    private final ThreadLocal<GCMSIVBlockCipher> siv = ThreadLocal.withInitial(AesGcmSiv::newGcmSiv);

    AesGcmSiv(byte[] key) throws InvalidKeyException {
        this.key = Aead.aesKey(key, SealingAlgorithm.AES_256_GCM_SIV);
    }

    @Override
    public SealingAlgorithm algorithm() {
        return SealingAlgorithm.AES_256_GCM_SIV;
    }

    @Override
    public void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Aead.seal(siv.get(), Aead.parameters(key, nonce, nonceOff), NAME,
                aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Aead.open(siv.get(), Aead.parameters(key, nonce, nonceOff), NAME,
                aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public String toString() {
        return "AesGcmSiv[bc]";
    }

    static GCMSIVBlockCipher newGcmSiv() {
        return new GCMSIVBlockCipher(AESEngine.newInstance());
    }
}
