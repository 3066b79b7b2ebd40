package dev.wafer.provider.jca;

import dev.wafer.Algorithm;
import dev.wafer.spi.AeadEngine;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D) on SunJCE's {@code AES/GCM/NoPadding}: 12-byte nonce, 16-byte tag.
 *
 * <p>The static {@link #seal(ThreadLocal, Key, byte[], int, byte[], int, int, byte[], int, int, byte[], int)} and
 * {@link #open(ThreadLocal, Key, byte[], int, byte[], int, int, byte[], int, int, byte[], int)} are also what
 * {@link XaesGcm} runs under its derived key. This class is thread-safe.
 */
final class AesGcm implements AeadEngine {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    // One Cipher per thread for every GCM key: Cipher.getInstance is far dearer than init, and
    // GCM needs an init per message anyway. SunJCE refuses an encrypt init that repeats the key and
    // IV of that Cipher's previous encryption; the api never reuses a nonce, so it never trips.
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
        return "AesGcm[jca]";
    }

    /** Checks the length and copies the key: SecretKeySpec clones the bytes it is given. */
    static SecretKeySpec aesKey(byte[] key, String algorithm) throws InvalidKeyException {
        if (key.length != KEY_BYTES) {
            throw new InvalidKeyException(algorithm + " key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }

    /** AES-GCM encryption under {@code key}; SunJCE supports {@code in == out} at the same offset. */
    static void seal(ThreadLocal<Cipher> gcm, Key key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Cipher cipher = init(gcm, Cipher.ENCRYPT_MODE, key, nonce, nonceOff, aad, aadOff, aadLen);
        cipher.doFinal(in, inOff, inLen, out, outOff);
    }

    /** AES-GCM decryption; SunJCE checks the tag before it writes any plaintext to {@code out}. */
    static void open(ThreadLocal<Cipher> gcm, Key key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Cipher cipher = init(gcm, Cipher.DECRYPT_MODE, key, nonce, nonceOff, aad, aadOff, aadLen);
        cipher.doFinal(in, inOff, inLen, out, outOff);
    }

    private static Cipher init(ThreadLocal<Cipher> gcm, int mode, Key key, byte[] nonce, int nonceOff,
                               byte[] aad, int aadOff, int aadLen) throws GeneralSecurityException {
        Cipher cipher = gcm.get();
        if (cipher == null) {
            cipher = Cipher.getInstance(TRANSFORMATION);
            gcm.set(cipher);
        }
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce, nonceOff, NONCE_BYTES));
        if (aadLen > 0) {
            cipher.updateAAD(aad, aadOff, aadLen);
        }
        return cipher;
    }
}
