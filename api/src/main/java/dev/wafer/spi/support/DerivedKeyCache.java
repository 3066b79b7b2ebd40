package dev.wafer.spi.support;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A per-thread, one-entry cache of the key that XAES-256-GCM derives from the first bytes of its
 * nonce, for the providers' XAES-256-GCM engines.
 *
 * <p>XAES-256-GCM (<a href="https://c2sp.org/XAES-256-GCM">C2SP</a>) derives an AES-256-GCM key
 * from the engine key and the first 12 bytes of the 24-byte nonce, then encrypts under it with the
 * last 12 bytes as the GCM nonce. Wafer's sealer draws the first 12 bytes once per thread for a
 * bounded run of values and the last 12 afresh for every value (docs/format.md §1.3), so the values
 * a thread seals in a row share one derived key. An engine that keeps it here skips the derivation
 * (two AES calls) and, on SunJCE, the AES key schedule of the derived key. A value whose prefix
 * differs (sealed by another thread or another server) replaces the entry: the result is always the
 * derivation's for that nonce, whatever the cache holds.
 *
 * <p>Security: the prefix travels in the clear in every sealed value, so it is compared in
 * variable time. The derived key is as secret as the engine key; it is held only in the owning
 * engine's thread-local state, for as long as that thread keeps sealing or opening under that
 * prefix, and this class prints nothing of it. The derived key must not be modified by its users.
 *
 * @param <K> the engine's representation of a derived key (a {@code SecretKeySpec}, a BouncyCastle
 *     {@code KeyParameter}); the cache hands out the same object to every call on a thread with the
 *     same prefix
 * @since 0.1
 */
public final class DerivedKeyCache<K> {

    /**
     * Derives the key for one nonce.
     *
     * @param <K> the engine's representation of a derived key
     * @since 0.1
     */
    @FunctionalInterface
    public interface Derivation<K> {
        /**
         * Derives the key for the nonce at {@code nonceOff}.
         *
         * @param nonce array holding the nonce
         * @param nonceOff offset of the nonce
         * @return the derived key, never {@code null}
         * @throws GeneralSecurityException if the engine's primitive fails
         */
        K derive(byte[] nonce, int nonceOff) throws GeneralSecurityException;
    }

    private static final class Entry<K> {
        final byte[] prefix;
        K key;

        Entry(int prefixBytes) {
            this.prefix = new byte[prefixBytes];
        }
    }

    private final int prefixBytes;
    private final Derivation<K> derivation;
    private final ThreadLocal<Entry<K>> entry;

    /**
     * A cache for keys derived from the first {@code prefixBytes} of a nonce.
     *
     * @param prefixBytes how many leading nonce bytes the derivation reads (12 for XAES-256-GCM)
     * @param derivation the engine's derivation, which reads only those bytes of the nonce
     * @throws IllegalArgumentException if {@code prefixBytes} is not positive
     * @since 0.1
     */
    public DerivedKeyCache(int prefixBytes, Derivation<K> derivation) {
        if (prefixBytes <= 0) {
            throw new IllegalArgumentException("prefix length must be positive");
        }
        this.prefixBytes = prefixBytes;
        this.derivation = Objects.requireNonNull(derivation, "derivation");
        this.entry = ThreadLocal.withInitial(() -> new Entry<>(prefixBytes));
    }

    /**
     * The key derived from the prefix of the nonce at {@code nonceOff}: this thread's cached key if
     * its prefix is the same, else a new derivation, which replaces the entry.
     *
     * @param nonce array holding the nonce, at least {@code prefixBytes} long from {@code nonceOff}
     * @param nonceOff offset of the nonce
     * @return the derived key
     * @throws GeneralSecurityException if the derivation fails; the entry is then left as it was
     * @since 0.1
     */
    public K get(byte[] nonce, int nonceOff) throws GeneralSecurityException {
        Entry<K> e = entry.get();
        if (e.key != null && Arrays.equals(e.prefix, 0, prefixBytes, nonce, nonceOff, nonceOff + prefixBytes)) {
            return e.key;
        }
        K key = Objects.requireNonNull(derivation.derive(nonce, nonceOff), "derived key");
        System.arraycopy(nonce, nonceOff, e.prefix, 0, prefixBytes);
        e.key = key;
        return key;
    }

    /** Names the class only: a cache holds secret keys. */
    @Override
    public String toString() {
        return "DerivedKeyCache";
    }
}
