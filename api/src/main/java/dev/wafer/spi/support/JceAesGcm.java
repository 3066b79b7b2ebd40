package dev.wafer.spi.support;

import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.AeadEngine;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D) on a JCE {@code AES/GCM/NoPadding} cipher: 12-byte nonce, 16-byte
 * tag. The cipher comes from a {@link CipherFactory}: SunJCE's {@code Cipher.getInstance} for the
 * JDK provider, Tink's {@code EngineFactory.CIPHER} (Conscrypt where installed) for Tink's.
 *
 * <p>One {@code Cipher} per thread and per engine: {@code Cipher.getInstance} costs far more than
 * {@code init}, which GCM needs per message anyway. Per engine, not shared by every engine of a
 * thread: SunJCE refuses an encryption that repeats its {@code Cipher}'s previous key and nonce,
 * so a shared {@code Cipher} made one engine's known-answer test fail after another's. The api
 * never reuses a nonce, so a {@code Cipher} never trips on that.
 *
 * <p>{@link #seal(Key, byte[], int, byte[], int, int, byte[], int, int, byte[], int)} and
 * {@link #open(Key, byte[], int, byte[], int, int, byte[], int, int, byte[], int)} under another
 * key are what {@link XaesGcm} runs under its derived key. Thread-safe.
 *
 * @since 0.1
 */
public final class JceAesGcm implements AeadEngine {
    /** Bytes of the GCM nonce. */
    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The transformation asked of the factory. */
    public static final String TRANSFORMATION = "AES/GCM/NoPadding";

    /**
     * Makes the JCE ciphers an engine uses.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface CipherFactory {
        /**
         * A new, uninitialised cipher.
         *
         * @param transformation {@value JceAesGcm#TRANSFORMATION}
         * @return the cipher
         * @throws GeneralSecurityException if the transformation is not available
         */
        Cipher newCipher(String transformation) throws GeneralSecurityException;
    }

    private final CipherFactory factory;
    private final ThreadLocal<Cipher> gcm = new ThreadLocal<>();
    private final SecretKeySpec key; // null for a GCM step with the key given per call
    private final String name;

    private JceAesGcm(CipherFactory factory, SecretKeySpec key, String name) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.key = key;
        this.name = name;
    }

    /**
     * An AES-256-GCM engine for one key.
     *
     * @param key the 32 key bytes; copied
     * @param factory where the ciphers come from
     * @param providerName the provider's name, for {@link #toString()}
     * @return the engine
     * @throws java.security.InvalidKeyException if the key is not 32 bytes
     * @since 0.1
     */
    public static JceAesGcm create(byte[] key, CipherFactory factory, String providerName)
            throws java.security.InvalidKeyException {
        // SecretKeySpec clones the bytes it is given.
        return new JceAesGcm(factory, new SecretKeySpec(EngineChecks.aes256Key(key, SealingAlgorithm.AES_256_GCM),
                "AES"), "AesGcm[" + providerName + "]");
    }

    /**
     * A GCM step with no key of its own, for {@link XaesGcm}: only the static-key methods work.
     *
     * @param factory where the ciphers come from
     * @param providerName the provider's name, for {@link #toString()}
     * @return the GCM step
     * @since 0.1
     */
    public static JceAesGcm keyedPerCall(CipherFactory factory, String providerName) {
        return new JceAesGcm(factory, null, "AesGcm[" + providerName + ", keyed per call]");
    }

    /**
     * AES-256-GCM.
     *
     * @return {@link SealingAlgorithm#AES_256_GCM}
     */
    @Override
    public SealingAlgorithm algorithm() {
        return SealingAlgorithm.AES_256_GCM;
    }

    @Override
    public void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        seal(ownKey(), nonce, nonceOff, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    @Override
    public void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        open(ownKey(), nonce, nonceOff, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    private SecretKeySpec ownKey() {
        if (key == null) {
            throw new IllegalStateException("this GCM step has no key of its own");
        }
        return key;
    }

    /**
     * Encrypts under a given key and appends the tag. {@code in == out} at the same offset is
     * safe: the JCE requires {@code doFinal} with arrays to be copy-safe.
     *
     * @param key the AES key
     * @param nonce array holding the 12-byte nonce
     * @param nonceOff its offset
     * @param aad array holding the associated data
     * @param aadOff its offset
     * @param aadLen its length
     * @param in array holding the plaintext
     * @param inOff its offset
     * @param inLen its length
     * @param out array receiving ciphertext and tag
     * @param outOff its offset
     * @throws GeneralSecurityException if the cipher fails
     * @since 0.1
     */
    public void seal(Key key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        init(Cipher.ENCRYPT_MODE, key, nonce, nonceOff, aad, aadOff, aadLen).doFinal(in, inOff, inLen, out, outOff);
    }

    /**
     * Checks the tag under a given key and decrypts. A tag that does not verify throws
     * {@link javax.crypto.AEADBadTagException}; the JCE's GCM checks it before it writes plaintext.
     *
     * @param key the AES key
     * @param nonce array holding the 12-byte nonce
     * @param nonceOff its offset
     * @param aad array holding the associated data
     * @param aadOff its offset
     * @param aadLen its length
     * @param in array holding ciphertext and tag
     * @param inOff its offset
     * @param inLen its length
     * @param out array receiving the plaintext
     * @param outOff its offset
     * @throws GeneralSecurityException if the tag does not verify or the cipher fails
     * @since 0.1
     */
    public void open(Key key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        init(Cipher.DECRYPT_MODE, key, nonce, nonceOff, aad, aadOff, aadLen).doFinal(in, inOff, inLen, out, outOff);
    }

    private Cipher init(int mode, Key key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen)
            throws GeneralSecurityException {
        Cipher cipher = gcm.get();
        if (cipher == null) {
            cipher = factory.newCipher(TRANSFORMATION);
            gcm.set(cipher);
        }
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce, nonceOff, NONCE_BYTES));
        if (aadLen > 0) {
            cipher.updateAAD(aad, aadOff, aadLen);
        }
        return cipher;
    }

    /**
     * The class and provider; never key bytes.
     *
     * @return for example {@code AesGcm[jca]}
     */
    @Override
    public String toString() {
        return name;
    }
}
