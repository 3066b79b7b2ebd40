package dev.wafer.spi.support;

import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.AeadEngine;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * XAES-256-GCM (<a href="https://c2sp.org/XAES-256-GCM">C2SP specification</a>) composed of a
 * provider's parts: AES-256-GCM under a key derived from the first 12 bytes of the 24-byte nonce,
 * with the last 12 bytes as the GCM nonce. This class holds what every provider shares: the nonce
 * split, the shared, bounded {@link DerivedKeyCache} (Wafer's sealer reuses a prefix for a run of
 * values, docs/format.md §1.3, so a reader sees few prefixes), and the wiping of derived keys.
 * A derived key enters the cache only after its message authenticated (or was sealed). The key
 * of the prefix last sealed under is also kept by the engine, outside the cache's lookup, so that
 * a seal costs no cache lookup; it is wiped, like an evicted one, once replaced and unused.
 * Thread-safe if the parts are.
 *
 * @param <K> the provider's form of a derived key (a key with ready ciphers, a BouncyCastle
 *     {@code KeyParameter}), the same object for every message under one prefix while the cache
 *     holds it, so that an engine that keeps a key schedule per key object keeps it
 * @since 0.1
 */
public final class XaesGcm<K> implements AeadEngine {
    /** Bytes of an XAES-256-GCM nonce. */
    public static final int NONCE_BYTES = 24;
    /** Bytes of the nonce prefix the key derivation reads. */
    public static final int PREFIX_BYTES = 12;

    /**
     * What a provider supplies: the key derivation and the GCM step.
     *
     * @param <K> the provider's form of a derived key
     * @since 0.1
     */
    public interface Parts<K> {
        /**
         * Derives {@code Kx = CMAC_K(M1) || CMAC_K(M2)}, {@code Mi = 0x00 || i || 'X' || 0x00 || N[0:12]}
         * (C2SP; NIST SP 800-108r1 counter mode with CMAC-AES-256).
         *
         * @param nonce array holding the nonce
         * @param nonceOff offset of the nonce; only its first 12 bytes are read
         * @return a new 32-byte array, which the caller wipes
         * @throws GeneralSecurityException if the primitive fails
         */
        byte[] deriveKey(byte[] nonce, int nonceOff) throws GeneralSecurityException;

        /**
         * The provider's form of a derived key.
         *
         * @param derived the 32 derived bytes; copied, the caller wipes them
         * @return the key
         * @throws GeneralSecurityException if the key is refused
         */
        K gcmKey(byte[] derived) throws GeneralSecurityException;

        /**
         * Destroys a derived key that has left the cache and that no call uses any more: its bytes
         * and whatever was built from it, as far as the platform allows. Wafer's providers all
         * override it; the default, kept so that parts written before it still compile, leaves
         * the key to the garbage collector.
         *
         * @param key the key, never used again
         */
        default void wipe(K key) {
        }

        /**
         * AES-256-GCM encryption under a derived key, tag appended; in place must work.
         *
         * @param key the derived key
         * @param nonce array holding the 12-byte GCM nonce
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
         */
        void seal(K key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                  byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException;

        /**
         * AES-256-GCM decryption under a derived key; wipes what it wrote to {@code out} when the
         * tag does not verify.
         *
         * @param key the derived key
         * @param nonce array holding the 12-byte GCM nonce
         * @param nonceOff its offset
         * @param aad array holding the associated data
         * @param aadOff its offset
         * @param aadLen its length
         * @param in array holding ciphertext and tag
         * @param inOff its offset
         * @param inLen its length
         * @param out array receiving the plaintext
         * @param outOff its offset
         * @throws javax.crypto.AEADBadTagException if the tag does not verify
         * @throws GeneralSecurityException if the cipher fails otherwise
         */
        void open(K key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                  byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException;
    }

    private final Parts<K> parts;
    private final DerivedKeyCache<K> derived;
    /** The key of the last prefix sealed under, holding one reference of its own; null before the first seal. */
    private final AtomicReference<DerivedKeyCache.Lease<K>> sealing = new AtomicReference<>();
    private final String name;

    /**
     * An engine from a provider's parts.
     *
     * @param parts the derivation and GCM step, bound to one engine key
     * @param providerName the provider's name, for {@link #toString()}
     * @since 0.1
     */
    public XaesGcm(Parts<K> parts, String providerName) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.derived = new DerivedKeyCache<>(PREFIX_BYTES, DerivedKeyCache.DEFAULT_CAPACITY, this::newDerivedKey,
                parts::wipe);
        this.name = "XaesGcm[" + providerName + "]";
    }

    /**
     * XAES-256-GCM.
     *
     * @return {@link SealingAlgorithm#XAES_256_GCM}
     */
    @Override
    public SealingAlgorithm algorithm() {
        return SealingAlgorithm.XAES_256_GCM;
    }

    @Override
    public void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        // A sealer seals a run of values under one prefix (docs/format.md §1.3): its key is kept here,
        // outside the cache, so a seal is one compare and one reference taken and given back.
        DerivedKeyCache.Lease<K> s = sealing.get();
        if (s != null && derived.retainFor(s, nonce, nonceOff)) {
            try {
                parts.seal(s.key(), nonce, nonceOff + PREFIX_BYTES, aad, aadOff, aadLen, in, inOff, inLen, out,
                        outOff);
            } finally {
                derived.unpin(s);
            }
            return;
        }
        DerivedKeyCache.Lease<K> k = derived.acquire(nonce, nonceOff);
        boolean done = false;
        try {
            parts.seal(k.key(), nonce, nonceOff + PREFIX_BYTES, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
            done = true;
        } finally {
            // The engine's own reference: the key outlives its cache entry while it is the sealing
            // key, and is wiped once a seal under another prefix replaced it and no call uses it.
            if (done && derived.retainFor(k, nonce, nonceOff)) {
                DerivedKeyCache.Lease<K> old = sealing.getAndSet(k);
                if (old != null) {
                    derived.unpin(old);
                }
            }
            derived.release(k, done);
        }
    }

    @Override
    public void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        DerivedKeyCache.Lease<K> k = derived.acquire(nonce, nonceOff);
        boolean authentic = false;
        try {
            parts.open(k.key(), nonce, nonceOff + PREFIX_BYTES, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
            authentic = true;
        } finally {
            // Only a prefix that opened a genuine value enters the cache: forgeries evict nothing.
            derived.release(k, authentic);
        }
    }

    /**
     * This engine's cache of derived keys, for its counts (hit rate) in tests and benchmarks.
     *
     * @return the cache
     * @since 0.1
     */
    public DerivedKeyCache<K> cache() {
        return derived;
    }

    private K newDerivedKey(byte[] nonce, int nonceOff) throws GeneralSecurityException {
        byte[] kx = parts.deriveKey(nonce, nonceOff);
        try {
            return parts.gcmKey(kx);
        } finally {
            Arrays.fill(kx, (byte) 0);
        }
    }

    /**
     * The class and provider; never key bytes.
     *
     * @return for example {@code XaesGcm[jca]}
     */
    @Override
    public String toString() {
        return name;
    }
}
