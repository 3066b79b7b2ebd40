package dev.wafer.provider.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.KeyException;
import dev.wafer.VerificationKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * The api validates Ed25519 public keys in full (canonical, not of small order, on the curve, of
 * order L) without a provider. BouncyCastle's full validation is the reference: the api's list
 * of small-order points holds exactly the eight points BouncyCastle finds, and on every other key
 * tried the two agree.
 */
class SmallOrderPointsTest {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    /** Why the api refuses an encoded public key, or {@code null} if it accepts it. */
    private static String problem(byte[] publicKey) {
        try {
            VerificationKey.ed25519(null, publicKey);
            return null;
        } catch (KeyException e) {
            return e.getMessage();
        }
    }

    /** Whether SunEC decodes the encoding to a point, which it does for points of small order too. */
    private static boolean jdkDecodes(byte[] point) {
        byte[] spki = new byte[44];
        System.arraycopy(new byte[] {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00}, 0, spki, 0, 12);
        System.arraycopy(point, 0, spki, 12, 32);
        try {
            java.security.Signature.getInstance("Ed25519").initVerify(java.security.KeyFactory.getInstance("Ed25519")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(spki)));
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] encode(BigInteger y, int sign) {
        byte[] be = y.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < be.length && i < 32; i++) {
            le[i] = be[be.length - 1 - i];
        }
        le[31] |= (byte) (sign << 7);
        return le;
    }

    @Test
    void theApiRefusesExactlyThePointsBouncyCastleFindsOfSmallOrder() {
        int smallOrderPoints = 0;
        String[] ys = {"0", "1", P.subtract(BigInteger.ONE).toString(16),
            "05fc536d880238b13933c6d305acdfd5f098eff289f4c345b027b2c28f95e826",
            "7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7"};
        for (String y : ys) {
            for (int sign = 0; sign < 2; sign++) {
                byte[] point = encode(new BigInteger(y, 16), sign);
                assertFalse(Ed25519.validatePublicKeyFull(point, 0), "BouncyCastle refuses y=" + y);
                String problem = problem(point);
                assertTrue(problem != null && problem.contains("small order"), y + " " + sign + ": " + problem);
                // x = 0 (y = 1 or p - 1) with sign 1 is not a point at all; the other eight are
                // (BouncyCastle's partial validation refuses small orders, so the JDK decodes).
                if (jdkDecodes(point)) {
                    smallOrderPoints++;
                }
            }
        }
        assertEquals(8, smallOrderPoints, "the torsion subgroup of edwards25519 has eight points");
    }

    @Test
    void theApiAcceptsRandomKeysAsBouncyCastleDoes() {
        Ed25519KeyPairGenerator g = new Ed25519KeyPairGenerator();
        g.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        for (int i = 0; i < 200; i++) {
            byte[] pk = ((Ed25519PublicKeyParameters) g.generateKeyPair().getPublic()).getEncoded();
            assertTrue(Ed25519.validatePublicKeyFull(pk, 0));
            assertNull(problem(pk));
        }
    }

    @Test
    void theApiAcceptsExactlyThePointsBouncyCastleValidatesFullyAmongSmallY() {
        // Small y values, both signs: points of small order, of mixed order, and no points at all.
        // The api's verdict is BouncyCastle's full validation (on the curve, canonical, order L).
        int accepted = 0;
        for (int y = 0; y < 256; y++) {
            for (int sign = 0; sign < 2; sign++) {
                byte[] point = encode(BigInteger.valueOf(y), sign);
                boolean bcFull = Ed25519.validatePublicKeyFull(point, 0);
                assertEquals(bcFull, problem(point) == null, "y=" + y + " sign " + sign + ": " + problem(point));
                accepted += bcFull ? 1 : 0;
            }
        }
        assertTrue(accepted > 0, "some small y lie in the prime-order subgroup");
    }

    @Test
    void theLiteraturesMixedOrderKeysAreRefusedAsBouncyCastleRefusesThem() {
        for (String hex : new String[] {"f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43",
            "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d"}) {
            byte[] point = org.bouncycastle.util.encoders.Hex.decode(hex);
            assertTrue(Ed25519.validatePublicKeyPartial(point, 0), "a point of the curve");
            assertFalse(Ed25519.validatePublicKeyFull(point, 0), "not of order L");
            assertTrue(String.valueOf(problem(point)).contains("torsion component"), problem(point));
        }
        byte[] valid = org.bouncycastle.util.encoders.Hex.decode(
                "442aad9f089ad9e14647b1ef9099a1ff4798d78589e66f28eca69c11f582a623");
        assertTrue(Ed25519.validatePublicKeyFull(valid, 0), "the key of the S > L cases is of order L");
        assertNull(problem(valid));
    }
}
