package dev.wafer.provider.tink;

import com.google.crypto.tink.subtle.EngineFactory;
import dev.wafer.Algorithm;
import dev.wafer.spi.AeadEngine;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D) on the {@code AES/GCM/NoPadding} cipher that Tink's
 * {@link EngineFactory#CIPHER} chooses: 12-byte nonce, 16-byte tag.
 *
 * <p>That is the cipher under Tink's own AES-GCM ({@code subtle.AesGcmJce} and the internal
 * {@code InsecureNonceAesGcmJce} both take it from {@code EngineFactory}): Conscrypt's or the
 * Android OpenSSL provider's where one is installed, else the JDK's SunJCE. Tink's {@code Aead}
 * cannot be used because it draws its own IV; here Wafer's nonce goes in a
 * {@link GCMParameterSpec}, as Tink's internal class does it.
 *
 * <p>The static {@link #seal(ThreadLocal, Key, byte[], int, byte[], int, int, byte[], int, int, byte[], int)} and
 * {@link #open(ThreadLocal, Key, byte[], int, byte[], int, int, byte[], int, int, byte[], int)} are also what
 * {@link XaesGcm} runs under its derived key. This class is thread-safe.
 */
final class AesGcm implements AeadEngine {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;

    // One Cipher per thread for every GCM key, as Tink's AesGcmJceUtil keeps it: getInstance is far
    // dearer than init, and GCM needs an init per message anyway. SunJCE refuses an encrypt init that
    // repeats the key and IV of that Cipher's previous encryption; the api never reuses a nonce.
    // Per engine, not static: SunJCE refuses an encryption that repeats its Cipher's previous key
    // and nonce, so a Cipher shared by every engine of a thread made one engine's known-answer
    // test fail after another's (a self-test run twice, as a second Wafer.provider(loader) does).
    private final ThreadLocal<Cipher> gcm = new ThreadLocal<>();

    private final SecretKeySpec key;

    AesGcm(byte[] key) throws InvalidKeyException {
        this.key = aesKey(key, "AES-256-GCM");
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.AES_256_GCM;
    }

    @Override
    public void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        seal(gcm, key, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        open(gcm, key, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public String toString() {
        return "AesGcm[tink]";
    }

    /** Checks the length and copies the key: SecretKeySpec clones the bytes it is given. */
    static SecretKeySpec aesKey(byte[] key, String algorithm) throws InvalidKeyException {
        checkLength(key, algorithm);
        return new SecretKeySpec(key, "AES");
    }

    /** Refuses a key that is not 32 bytes, naming its length only. */
    static void checkLength(byte[] key, String algorithm) throws InvalidKeyException {
        if (key.length != KEY_BYTES) {
            throw new InvalidKeyException(algorithm + " key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
    }

    /**
     * AES-GCM encryption under {@code key}. {@code in == out} at the same offset is safe: the JCE
     * requires {@link Cipher#doFinal(byte[], int, int, byte[], int)} to be copy-safe.
     */
    static void seal(ThreadLocal<Cipher> gcm, Key key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Cipher cipher = init(gcm, Cipher.ENCRYPT_MODE, key, nonce, nonceOff, aad, aadOff, aadLen);
        cipher.doFinal(in, inOff, inLen, out, outOff);
    }

    /** AES-GCM decryption; a tag that does not verify throws {@link javax.crypto.AEADBadTagException}. */
    static void open(ThreadLocal<Cipher> gcm, Key key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Cipher cipher = init(gcm, Cipher.DECRYPT_MODE, key, nonce, nonceOff, aad, aadOff, aadLen);
        cipher.doFinal(in, inOff, inLen, out, outOff);
    }

    private static Cipher init(ThreadLocal<Cipher> gcm, int mode, Key key, byte[] nonce, int nonceOff,
                               byte[] aad, int aadOff, int aadLen) throws GeneralSecurityException {
        Cipher cipher = gcm.get();
        if (cipher == null) {
            cipher = EngineFactory.CIPHER.getInstance(TRANSFORMATION);
            gcm.set(cipher);
        }
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce, nonceOff, NONCE_BYTES));
        if (aadLen > 0) {
            cipher.updateAAD(aad, aadOff, aadLen);
        }
        return cipher;
    }
}
