package dev.wafer.internal;

import java.math.BigInteger;
import java.util.List;

/**
 * The Ed25519 inputs Wafer refuses whatever the provider, so that every provider gives one verdict
 * (docs/format.md §2.1). Engines disagree at these edges: with a public key of small order one
 * constant signature verifies every message on some of them, a non-canonical encoding (y ≥ p) is
 * reduced by some and refused by others, and BouncyCastle verifies with the cofactor (RFC 8032
 * §5.1.7's first equation) where the JDK and Tink verify without it (its second), which gives
 * different verdicts as soon as a public key has a torsion component.
 *
 * <p>Public keys get the full validation of NIST SP 800-186 §D.1.3 (RFC 8032 §5.1.3 decoding, then
 * {@code [L]A = O}): 32 bytes; y canonical (below p = 2^255 − 19); not one of the eight points of
 * small order, whatever the sign bit; a point of the curve; and in the subgroup of order L, which
 * every key made by RFC 8032 key generation is. Signatures (R || S): S canonical (below L, RFC 8032
 * §5.1.7), R canonical and not of small order, as libsodium requires. A signer that follows RFC 8032
 * never produces a key or a signature these checks refuse.
 *
 * <h2>Arithmetic</h2>
 * <p>The subgroup check multiplies the public key by L with the addition law of RFC 8032 §5.1.4 in
 * {@link BigInteger}s. It runs once per key, at import, on public data only, so neither its speed
 * nor its timing matters; it never touches a signature or a private key, which stay with the
 * providers' engines. A test checks it against BouncyCastle's {@code validatePublicKeyFull} on
 * random keys, every small y, the literature's mixed-order keys and every point of small order.
 */
public final class Ed25519Encodings {
    /** The length of an encoded point and of a scalar. */
    public static final int BYTES = 32;

    /** p = 2^255 − 19, the field prime (RFC 8032 §5.1). */
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** L = 2^252 + 27742317777372353535851937790883648493, the order of the base point (RFC 8032 §5.1). */
    private static final BigInteger L = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    /** d = −121665/121666 (RFC 8032 §5.1). */
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger D2 = D.shiftLeft(1).mod(P);
    /** sqrt(−1) = 2^((p−1)/4) (RFC 8032 §5.1.3 step 3). */
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    /**
     * The y coordinates of the points of small order: 0 (order 4), 1 (the identity), p − 1
     * (order 2), and the two of order 8. With both signs of x they are all eight points of the
     * torsion subgroup.
     */
    private static final List<BigInteger> SMALL_ORDER_Y = List.of(
            BigInteger.ZERO,
            BigInteger.ONE,
            P.subtract(BigInteger.ONE),
            new BigInteger("05fc536d880238b13933c6d305acdfd5f098eff289f4c345b027b2c28f95e826", 16),
            new BigInteger("7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7", 16));

    private Ed25519Encodings() {
    }

    /**
     * Why a public key is refused, or {@code null} if it is accepted.
     *
     * @param publicKey the encoded key
     * @return the reason, naming no byte of the key, or {@code null}
     */
    public static String publicKeyProblem(byte[] publicKey) {
        if (publicKey.length != BYTES) {
            return "an Ed25519 public key is 32 bytes, not " + publicKey.length;
        }
        BigInteger y = y(publicKey);
        if (y.compareTo(P) >= 0) {
            return "the Ed25519 public key is not canonically encoded (y is not below 2^255 - 19, RFC 8032 §5.1.3)";
        }
        if (SMALL_ORDER_Y.contains(y)) {
            return "the Ed25519 public key is a point of small order, for which one signature verifies every message";
        }
        BigInteger[] point = decode(y, (publicKey[BYTES - 1] & 0x80) != 0);
        if (point == null) {
            return "the Ed25519 public key is not a point of the curve (RFC 8032 §5.1.3)";
        }
        if (!isIdentity(multiply(point, L))) {
            return "the Ed25519 public key has a torsion component (it is not in the subgroup of order L, "
                    + "NIST SP 800-186 §D.1.3); no key generator makes such a key";
        }
        return null;
    }

    /**
     * Whether a 64-byte signature's encodings are acceptable: S below L, R canonical and not of
     * small order. Says nothing of whether it verifies.
     *
     * @param signature R || S
     * @return {@code false} if Wafer refuses it before any engine sees it
     */
    public static boolean acceptableSignature(byte[] signature) {
        if (signature.length != 2 * BYTES) {
            return false;
        }
        BigInteger ry = littleEndian(signature, 0, BYTES).clearBit(255);
        if (ry.compareTo(P) >= 0 || SMALL_ORDER_Y.contains(ry)) {
            return false;
        }
        return littleEndian(signature, BYTES, BYTES).compareTo(L) < 0;
    }

    /** The y coordinate: the 255 low bits, little-endian (RFC 8032 §5.1.2). */
    private static BigInteger y(byte[] point) {
        return littleEndian(point, 0, BYTES).clearBit(255);
    }

    private static BigInteger littleEndian(byte[] b, int off, int len) {
        byte[] be = new byte[len];
        for (int i = 0; i < len; i++) {
            be[i] = b[off + len - 1 - i];
        }
        return new BigInteger(1, be);
    }

    /**
     * RFC 8032 §5.1.3 steps 2 to 4: x from a canonical y and the sign bit, as the extended
     * coordinates (X, Y, Z, T); {@code null} if no such point exists.
     */
    private static BigInteger[] decode(BigInteger y, boolean xOdd) {
        BigInteger yy = y.multiply(y).mod(P);
        BigInteger u = yy.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(yy).add(BigInteger.ONE).mod(P);
        BigInteger v3 = v.modPow(BigInteger.valueOf(3), P);
        BigInteger v7 = v3.multiply(v3).multiply(v).mod(P);
        BigInteger x = u.multiply(v3).multiply(u.multiply(v7).mod(P)
                .modPow(P.subtract(BigInteger.valueOf(5)).shiftRight(3), P)).mod(P);
        BigInteger vxx = v.multiply(x).multiply(x).mod(P);
        if (!vxx.equals(u)) {
            if (!vxx.equals(u.negate().mod(P))) {
                return null;
            }
            x = x.multiply(SQRT_M1).mod(P);
        }
        if (x.signum() == 0 && xOdd) {
            return null;
        }
        if (x.testBit(0) != xOdd) {
            x = P.subtract(x);
        }
        return new BigInteger[] {x, y, BigInteger.ONE, x.multiply(y).mod(P)};
    }

    /** RFC 8032 §5.1.4's addition, complete on edwards25519, so it doubles too. */
    private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        BigInteger a = p[1].subtract(p[0]).multiply(q[1].subtract(q[0])).mod(P);
        BigInteger b = p[1].add(p[0]).multiply(q[1].add(q[0])).mod(P);
        BigInteger c = p[3].multiply(D2).multiply(q[3]).mod(P);
        BigInteger d = p[2].shiftLeft(1).multiply(q[2]).mod(P);
        BigInteger e = b.subtract(a);
        BigInteger f = d.subtract(c);
        BigInteger g = d.add(c);
        BigInteger h = b.add(a);
        return new BigInteger[] {e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P),
            e.multiply(h).mod(P)};
    }

    /** [k]P by double-and-add: public scalar, public point, so no need for constant time. */
    private static BigInteger[] multiply(BigInteger[] point, BigInteger k) {
        BigInteger[] r = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = add(r, r);
            if (k.testBit(i)) {
                r = add(r, point);
            }
        }
        return r;
    }

    private static boolean isIdentity(BigInteger[] p) {
        return p[0].mod(P).signum() == 0 && p[1].subtract(p[2]).mod(P).signum() == 0;
    }
}
