package dev.wafer.provider.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.RsaPrivateKeyMaterial;
import dev.wafer.spi.RsaPublicKeyMaterial;
import java.io.IOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What is particular to the BouncyCastle provider; the engine contract, the vectors and every other
 * suite run in {@link BcConformanceTest}.
 */
class BcProviderTest {
    private static final int TAG_BYTES = 16;

    private static RSAPrivateCrtKeySpec rsaPrivate;
    private static RSAPublicKeySpec rsaPublic;
    private static long nonceCounter;

    private final BcProvider provider = new BcProvider();

    @BeforeAll
    static void generateOneRsaKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        rsaPrivate = new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient());
        RSAPublicKey p = (RSAPublicKey) pair.getPublic();
        rsaPublic = new RSAPublicKeySpec(p.getModulus(), p.getPublicExponent());
    }

    @Test
    void listsAllSixAlgorithmsGcmSivIncluded() {
        assertEquals(Set.copyOf(Algorithm.all()), provider.algorithms());
    }

    @Test
    void namesItselfBcWithPriority100AndTheVersionOfTheBouncyCastleJarItRunsOn() throws IOException {
        assertEquals("bc", provider.name());
        assertEquals(100, provider.priority());
        // bcprov's manifest has no Implementation-Version but an OSGi Bundle-Version: read it
        // independently here, so the version the provider reports is the one on the class path.
        URL license = org.bouncycastle.LICENSE.class.getResource("LICENSE.class");
        String bundleVersion = ((JarURLConnection) license.openConnection()).getManifest()
                .getMainAttributes().getValue("Bundle-Version");
        assertEquals("wafer-provider-bc " + bundleVersion, provider.version());
        assertTrue(provider.toString().contains(provider.version()));
    }

    @Test
    void declaresTheMeasuredPerAlgorithmPriorities() {
        assertEquals(300, provider.priority(SigningAlgorithm.ED25519));
        assertEquals(300, provider.priority(SealingAlgorithm.AES_256_GCM_SIV));
        assertEquals(50, provider.priority(SealingAlgorithm.AES_256_GCM));
        assertEquals(50, provider.priority(SealingAlgorithm.XAES_256_GCM));
        assertEquals(80, provider.priority(SigningAlgorithm.RS256));
        assertEquals(80, provider.priority(SigningAlgorithm.PS256));
    }

    @Test
    void aesGcmRefusesToSealTwiceInARowWithOneNonceAsTheJdkDoes() throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(SealingAlgorithm.AES_256_GCM, key(13));
        byte[] nonce = nonce(SealingAlgorithm.AES_256_GCM);
        byte[] out = new byte[5 + TAG_BYTES];
        engine.seal(nonce, 0, new byte[0], 0, 0, bytes(5, 1), 0, 5, out, 0);

        // BouncyCastle's GCMBlockCipher guards against the one repeat it can see; the api never repeats.
        InvalidAlgorithmParameterException e = assertThrows(InvalidAlgorithmParameterException.class,
                () -> engine.seal(nonce, 0, new byte[0], 0, 0, bytes(5, 2), 0, 5, new byte[5 + TAG_BYTES], 0));
        assertFalse(e.getMessage().contains(HexFormat.of().formatHex(key(13))));
    }

    @Test
    void gcmSivSealsARepeatedNonceDeterministicallyAndRevealsOnlyEquality() throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(SealingAlgorithm.AES_256_GCM_SIV, key(14));
        byte[] nonce = nonce(SealingAlgorithm.AES_256_GCM_SIV);
        byte[] a = new byte[20 + TAG_BYTES];
        byte[] b = new byte[20 + TAG_BYTES];
        byte[] c = new byte[20 + TAG_BYTES];

        engine.seal(nonce, 0, new byte[0], 0, 0, bytes(20, 1), 0, 20, a, 0);
        engine.seal(nonce, 0, new byte[0], 0, 0, bytes(20, 1), 0, 20, b, 0);
        engine.seal(nonce, 0, new byte[0], 0, 0, bytes(20, 2), 0, 20, c, 0);

        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(Arrays.copyOf(a, 20), Arrays.copyOf(c, 20)));
    }

    @Test
    void refusesAnRsaKeyBouncyCastleRejectsWithoutNamingIt() {
        BigInteger even = rsaPublic.getModulus().add(BigInteger.ONE);
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> provider.newVerifier(SigningAlgorithm.RS256, new RsaPublicKeyMaterial(new RSAPublicKeySpec(even, rsaPublic.getPublicExponent()))));
        assertFalse(e.getMessage().contains(even.toString(16)));
        assertFalse(e.getMessage().contains(even.toString()));
        InvalidKeyException p = assertThrows(InvalidKeyException.class, () -> provider.newSigner(SigningAlgorithm.PS256, new RsaPrivateKeyMaterial(new RSAPrivateCrtKeySpec(even, rsaPrivate.getPublicExponent(), rsaPrivate.getPrivateExponent(),
                        rsaPrivate.getPrimeP(), rsaPrivate.getPrimeQ(), rsaPrivate.getPrimeExponentP(),
                        rsaPrivate.getPrimeExponentQ(), rsaPrivate.getCrtCoefficient()))));
        assertFalse(p.getMessage().contains(rsaPrivate.getPrivateExponent().toString(16)));
    }

    private static byte[] key(int label) {
        return bytes(32, label * 31);
    }

    private static synchronized byte[] nonce(SealingAlgorithm algorithm) {
        byte[] n = new byte[algorithm.nonceLengthBytes()];
        long c = nonceCounter++;
        n[0] = (byte) c;
        n[1] = (byte) (c >>> 8);
        n[n.length - 1] = (byte) c;
        return n;
    }

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + 7 * i);
        }
        return b;
    }
}
