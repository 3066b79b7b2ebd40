package dev.wafer.spi.support;

import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.AeadEngine;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
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

    /** Ready ciphers a derived key keeps: one per thread that uses it at once, up to this many. */
    public static final int SPARES_PER_KEY = 4;
    /** Wiped ciphers kept for the next derived key, per engine. */
    private static final int RECYCLED = 16;
    private static final SecretKey ZERO_KEY = new DerivedKey(new byte[32]).key;

    private final CipherFactory factory;
    private final ThreadLocal<Cipher> gcm = new ThreadLocal<>();
    /** Ciphers wiped (re-keyed with zeros) when their derived key left the cache. */
    private final AtomicReferenceArray<Cipher> recycled = new AtomicReferenceArray<>(RECYCLED);
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
     * A derived AES-256 key with the ciphers initialised under it: a cipher keyed once keeps its
     * AES key schedule (SunJCE recomputes it whenever a cipher's key bytes change), so a message
     * under a cached derived key costs what one under a fixed key does.
     *
     * @since 0.1
     */
    public static final class DerivedKey {
        private static final VarHandle FIRST;

        static {
            try {
                FIRST = MethodHandles.lookup().findVarHandle(DerivedKey.class, "first", Cipher.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final WipeableAesKey key;
        /** The first ready cipher, in a field of the key: the one a single thread takes, with no array to reach. */
        @SuppressWarnings("unused") // through FIRST
        private volatile Cipher first;
        /** The other ready ciphers, for threads using the key at once. */
        private final AtomicReferenceArray<Cipher> spares = new AtomicReferenceArray<>(SPARES_PER_KEY - 1);

        private Cipher take() {
            Cipher c = (Cipher) FIRST.getAndSet(this, (Cipher) null);
            for (int i = 0; c == null && i < SPARES_PER_KEY - 1; i++) {
                c = spares.getAndSet(i, null);
            }
            return c;
        }

        /** Keeps {@code c} as a ready cipher of this key if a place is free. */
        private boolean keep(Cipher c) {
            if (FIRST.compareAndSet(this, (Cipher) null, c)) {
                return true;
            }
            for (int i = 0; i < SPARES_PER_KEY - 1; i++) {
                if (spares.compareAndSet(i, null, c)) {
                    return true;
                }
            }
            return false;
        }

        private DerivedKey(byte[] bytes) {
            this.key = new WipeableAesKey(bytes);
        }

        /** Names the class only. */
        @Override
        public String toString() {
            return "JceAesGcm.DerivedKey";
        }
    }

    /** An AES key whose bytes {@link #destroy()} zeroes, which {@code SecretKeySpec} cannot do. */
    private static final class WipeableAesKey implements SecretKey {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;
        private volatile boolean destroyed;

        WipeableAesKey(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public String getAlgorithm() {
            return "AES";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            if (destroyed) {
                throw new IllegalStateException("key destroyed");
            }
            return bytes.clone();
        }

        @Override
        public void destroy() {
            destroyed = true;
            Arrays.fill(bytes, (byte) 0);
        }

        @Override
        public boolean isDestroyed() {
            return destroyed;
        }

        @Override
        public String toString() {
            return "WipeableAesKey";
        }
    }

    /**
     * A derived key for the per-call methods, for {@link XaesGcm}.
     *
     * @param derived the 32 key bytes; copied, the caller wipes them
     * @return the key, with no cipher yet
     * @since 0.1
     */
    public DerivedKey derivedKey(byte[] derived) {
        if (derived.length != 32) {
            throw new IllegalArgumentException("a derived key is 32 bytes, not " + derived.length);
        }
        return new DerivedKey(derived);
    }

    /**
     * Destroys a derived key that no call uses any more: zeroes its bytes, and re-keys each of its
     * ciphers with an all-zero key, which makes SunJCE zero the key schedule and its copy of the key
     * bytes. Not reachable from here: the GHASH subkey and the copies that SunJCE drops to the
     * garbage collector rather than zeroing (docs/benchmarks.md, issue 14). The wiped ciphers serve
     * the next derived keys of this engine.
     *
     * @param k the key
     * @since 0.1
     */
    public void wipe(DerivedKey k) {
        for (Cipher c = k.take(); c != null; c = k.take()) {
            recycle(c);
        }
        k.key.destroy();
    }

    private void recycle(Cipher c) {
        try {
            c.init(Cipher.DECRYPT_MODE, ZERO_KEY, new GCMParameterSpec(TAG_BITS, new byte[NONCE_BYTES]));
        } catch (GeneralSecurityException | RuntimeException e) {
            return; // dropped to the collector: nothing else can be done with it
        }
        for (int i = 0; i < RECYCLED; i++) {
            if (recycled.get(i) == null && recycled.compareAndSet(i, null, c)) {
                return;
            }
        }
    }

    /**
     * Encrypts under a derived key and appends the tag, on one of its ready ciphers if one is free.
     *
     * @param k the derived key
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
    public void seal(DerivedKey k, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        run(Cipher.ENCRYPT_MODE, k, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    /**
     * Checks the tag under a derived key and decrypts, on one of its ready ciphers if one is free.
     *
     * @param k the derived key
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
    public void open(DerivedKey k, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        run(Cipher.DECRYPT_MODE, k, nonce, nonceOff, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
    }

    private void run(int mode, DerivedKey k, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Cipher c = k.take();
        if (c == null) {
            c = takeRecycled();
        }
        try {
            GCMParameterSpec spec = new GCMParameterSpec(TAG_BITS, nonce, nonceOff, NONCE_BYTES);
            try {
                c.init(mode, k.key, spec);
            } catch (java.security.InvalidAlgorithmParameterException e) {
                if (mode != Cipher.ENCRYPT_MODE) {
                    throw e;
                }
                // SunJCE refuses to encrypt twice in a row on one cipher under one key and nonce;
                // the api never repeats a nonce, but the engine is a deterministic function (the
                // format vectors, the engine contract), so a cipher that did not encrypt last does it.
                giveBack(k, c);
                c = factory.newCipher(TRANSFORMATION);
                c.init(mode, k.key, spec);
            }
            if (aadLen > 0) {
                c.updateAAD(aad, aadOff, aadLen);
            }
            c.doFinal(in, inOff, inLen, out, outOff);
        } finally {
            // Back to the key: keyed under it, the cipher keeps its schedule for the next message.
            giveBack(k, c);
        }
    }

    private void giveBack(DerivedKey k, Cipher c) {
        if (!k.keep(c)) {
            recycle(c);
        }
    }

    private Cipher takeRecycled() throws GeneralSecurityException {
        for (int i = 0; i < RECYCLED; i++) {
            if (recycled.get(i) != null) {
                Cipher c = recycled.getAndSet(i, null);
                if (c != null) {
                    return c;
                }
            }
        }
        return factory.newCipher(TRANSFORMATION);
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
