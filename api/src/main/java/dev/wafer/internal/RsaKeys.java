package dev.wafer.internal;

import java.math.BigInteger;

/**
 * Validation of RSA keys before any provider sees them: the partial public-key validation of NIST
 * SP 800-89 §5.3.3, with Wafer's bounds, and the consistency of a private key's CRT parts. With a
 * degenerate modulus (a prime, a prime power) anyone can compute the private exponent, and some
 * engines then accept forged signatures; with a huge exponent every forged token costs a long
 * exponentiation to refuse.
 *
 * <p>Bounds: a modulus of 2048 to 8192 bits; a public exponent odd, from 65537 to 2^32 − 1 (Go's
 * crypto/rsa accepts at most 2^31 − 1, BoringSSL 2^33, Tink 2^256; every key generator uses
 * 65537). The worst accepted key (8192 bits, e = 2^32 − 1) costs 32 modular squarings per
 * signature checked.
 */
public final class RsaKeys {
    /** The smallest modulus accepted, in bits (NIST SP 800-57). */
    public static final int MIN_MODULUS_BITS = 2048;
    /** The largest modulus accepted, in bits. */
    public static final int MAX_MODULUS_BITS = 8192;
    /** The smallest public exponent accepted: 2^16 + 1. */
    public static final BigInteger MIN_EXPONENT = BigInteger.valueOf(65537);
    /** The largest public exponent accepted: 2^32 − 1. */
    public static final BigInteger MAX_EXPONENT = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);

    /** The product of the odd primes below 752 (SP 800-89 §5.3.3: n has no prime factor below 752). */
    private static final BigInteger SMALL_PRIMES = smallPrimes(752);

    private RsaKeys() {
    }

    private static BigInteger smallPrimes(int bound) {
        BigInteger product = BigInteger.ONE;
        for (int p = 3; p < bound; p += 2) {
            if (BigInteger.valueOf(p).isProbablePrime(50)) {
                product = product.multiply(BigInteger.valueOf(p));
            }
        }
        return product;
    }

    /**
     * Why a public key is refused, or {@code null}: SP 800-89 §5.3.3 partial validation.
     *
     * @param n the modulus
     * @param e the public exponent
     * @return the reason, naming sizes only, or {@code null}
     */
    public static String publicKeyProblem(BigInteger n, BigInteger e) {
        if (n.signum() <= 0 || n.bitLength() < MIN_MODULUS_BITS) {
            return "RSA keys must be at least " + MIN_MODULUS_BITS + " bits, not " + Math.max(0, n.bitLength());
        }
        if (n.bitLength() > MAX_MODULUS_BITS) {
            return "RSA keys above " + MAX_MODULUS_BITS + " bits are refused, not " + n.bitLength();
        }
        if (!n.testBit(0)) {
            return "the RSA modulus is even";
        }
        if (e.compareTo(MIN_EXPONENT) < 0 || e.compareTo(MAX_EXPONENT) > 0 || !e.testBit(0)) {
            return "the RSA public exponent must be odd, from 65537 to 2^32 - 1 (keys are made with 65537)";
        }
        if (!n.gcd(SMALL_PRIMES).equals(BigInteger.ONE)) {
            return "the RSA modulus has a prime factor below 752 (NIST SP 800-89 §5.3.3)";
        }
        if (n.isProbablePrime(64)) {
            return "the RSA modulus is prime, so anyone can sign with this key (NIST SP 800-89 §5.3.3)";
        }
        if (isPerfectPower(n)) {
            return "the RSA modulus is a perfect power, so anyone can sign with this key (NIST SP 800-89 §5.3.3)";
        }
        return null;
    }

    /**
     * Why a private key in CRT form is refused, or {@code null}: p and q are probable primes whose
     * product is n, d inverts e modulo lcm(p − 1, q − 1), and dp, dq and qi are the CRT values of
     * d, p and q (RFC 8017 §3.2). A key whose parts disagree would sign with one key and publish
     * another, or leak its factors through a faulty signature.
     *
     * @param n the modulus
     * @param e the public exponent
     * @param d the private exponent
     * @param p the first prime
     * @param q the second prime
     * @param dp d mod (p − 1)
     * @param dq d mod (q − 1)
     * @param qi q^−1 mod p
     * @return the reason, naming no part of the key, or {@code null}
     */
    public static String privateKeyProblem(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
                                           BigInteger dp, BigInteger dq, BigInteger qi) {
        if (!p.multiply(q).equals(n)) {
            return "the RSA private key's primes do not multiply to its modulus";
        }
        if (!p.isProbablePrime(64) || !q.isProbablePrime(64)) {
            return "the RSA private key's factors are not prime";
        }
        BigInteger p1 = p.subtract(BigInteger.ONE);
        BigInteger q1 = q.subtract(BigInteger.ONE);
        BigInteger lambda = p1.divide(p1.gcd(q1)).multiply(q1);
        if (d.signum() <= 0 || d.compareTo(n) >= 0 || !e.multiply(d).mod(lambda).equals(BigInteger.ONE)) {
            return "the RSA private exponent d does not match the public exponent";
        }
        if (!dp.equals(d.mod(p1)) || !dq.equals(d.mod(q1))) {
            return "the RSA private key's CRT exponents dp and dq do not match d";
        }
        if (!q.multiply(qi).mod(p).equals(BigInteger.ONE) || qi.signum() <= 0 || qi.compareTo(p) >= 0) {
            return "the RSA private key's CRT coefficient qi does not match its primes";
        }
        return null;
    }

    /**
     * Whether n = m^k for some m and some k ≥ 2. It suffices to try prime k; and since n has no
     * prime factor below 752 (checked first), only k for which the k-th root is at least 752.
     */
    static boolean isPerfectPower(BigInteger n) {
        int bits = n.bitLength();
        for (int k = 2; k <= bits; k++) {
            if (!BigInteger.valueOf(k).isProbablePrime(50)) {
                continue;
            }
            BigInteger root = root(n, k);
            if (root.pow(k).equals(n)) {
                return true;
            }
            if (root.compareTo(BigInteger.valueOf(752)) < 0) {
                return false;
            }
        }
        return false;
    }

    /** floor(n^(1/k)) by Newton's method from an upper bound. */
    static BigInteger root(BigInteger n, int k) {
        if (k == 2) {
            return n.sqrt();
        }
        BigInteger kk = BigInteger.valueOf(k);
        BigInteger km1 = BigInteger.valueOf(k - 1L);
        BigInteger x = BigInteger.ONE.shiftLeft(n.bitLength() / k + 1);
        while (true) {
            BigInteger y = km1.multiply(x).add(n.divide(x.pow(k - 1))).divide(kk);
            if (y.compareTo(x) >= 0) {
                return x;
            }
            x = y;
        }
    }
}
