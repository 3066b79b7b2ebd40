package dev.wafer.provider.bc;

import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.support.EngineChecks;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.ShortBufferException;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * One AEAD message on a BouncyCastle {@link AEADCipher} (GCM or GCM-SIV), with BouncyCastle's
 * exceptions mapped to the JCA's. Shared by {@link AesGcm}, {@link XaesGcm} and {@link AesGcmSiv}.
 */
final class Aead {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private Aead() {
    }

    /**
     * Checks the length and copies the key: {@link KeyParameter#KeyParameter(byte[])} clones it.
     * The message names the length only, never a byte.
     */
    static KeyParameter aesKey(byte[] key, SealingAlgorithm algorithm) throws InvalidKeyException {
        return new KeyParameter(EngineChecks.aes256Key(key, algorithm));
    }

    /**
     * The key and the 12-byte nonce at {@code nonceOff}; {@link ParametersWithIV} copies the nonce,
     * so an in-place seal can overwrite the caller's array without changing it.
     */
    static ParametersWithIV parameters(KeyParameter key, byte[] nonce, int nonceOff) {
        return new ParametersWithIV(key, nonce, nonceOff, NONCE_BYTES);
    }

    /**
     * Encrypts and appends the 16-byte tag. In place works: both modes read every input byte before
     * they write the output byte at the same position (GCM block by block, GCM-SIV buffers it all).
     */
    static void seal(AEADCipher cipher, ParametersWithIV params, String algorithm,
                     byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        init(cipher, true, params, algorithm);
        try {
            cipher.processAADBytes(aad, aadOff, aadLen);
            int written = cipher.processBytes(in, inOff, inLen, out, outOff);
            cipher.doFinal(out, outOff + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(algorithm + " reported a bad tag while sealing", e);
        } catch (DataLengthException e) {
            throw shortBuffer(algorithm, e);
        }
    }

    /**
     * Verifies the tag and decrypts. BouncyCastle's GCM streams plaintext into {@code out} before
     * it reaches the tag, so on a bad tag the bytes it wrote are wiped: no unauthenticated plaintext
     * outlives the call, whatever the caller then does with {@code out}.
     */
    static void open(AEADCipher cipher, ParametersWithIV params, String algorithm,
                     byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        init(cipher, false, params, algorithm);
        try {
            cipher.processAADBytes(aad, aadOff, aadLen);
            int written = cipher.processBytes(in, inOff, inLen, out, outOff);
            cipher.doFinal(out, outOff + written);
        } catch (InvalidCipherTextException e) {
            int plaintextEnd = Math.min(out.length, outOff + Math.max(0, inLen - TAG_BYTES));
            Arrays.fill(out, outOff, Math.max(outOff, plaintextEnd), (byte) 0);
            // BouncyCastle's message ("mac check in GCM failed") names no input; ours neither.
            throw new AEADBadTagException(algorithm + " tag does not verify");
        } catch (DataLengthException e) {
            throw shortBuffer(algorithm, e);
        }
    }

    private static void init(AEADCipher cipher, boolean forEncryption, ParametersWithIV params, String algorithm)
            throws InvalidAlgorithmParameterException {
        try {
            cipher.init(forEncryption, params);
        } catch (IllegalArgumentException e) {
            // GCM refuses to encrypt twice in a row with one key and nonce ("cannot reuse nonce for
            // GCM encryption"); the api never repeats a nonce, so this is misuse, reported as such.
            throw new InvalidAlgorithmParameterException(algorithm + " refused its parameters: " + e.getMessage(), e);
        }
    }

    private static ShortBufferException shortBuffer(String algorithm, DataLengthException e) {
        ShortBufferException s = new ShortBufferException(algorithm + ": " + e.getMessage());
        s.initCause(e);
        return s;
    }
}
