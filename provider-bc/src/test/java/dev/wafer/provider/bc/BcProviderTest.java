package dev.wafer.provider.bc;

import static dev.wafer.provider.bc.Vectors.base64Url;
import static dev.wafer.provider.bc.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import java.io.IOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BcProviderTest {

    private static final int TAG_BYTES = 16;
    private static final byte[] MESSAGE = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3YWZlciJ9".getBytes(StandardCharsets.US_ASCII);

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

    // ---- the provider

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
        assertEquals(300, provider.priority(Algorithm.ED25519));
        assertEquals(300, provider.priority(Algorithm.AES_256_GCM_SIV));
        assertEquals(50, provider.priority(Algorithm.AES_256_GCM));
        assertEquals(50, provider.priority(Algorithm.XAES_256_GCM));
        assertEquals(80, provider.priority(Algorithm.RS256));
        assertEquals(80, provider.priority(Algorithm.PS256));
    }

    @Test
    void listsAllSixAlgorithmsGcmSivIncluded() {
        assertEquals(EnumSet.allOf(Algorithm.class), provider.algorithms());
        assertThrows(UnsupportedOperationException.class, () -> provider.algorithms().remove(Algorithm.ED25519));
    }

    @Test
    void refusesAlgorithmsOfTheWrongKind() {
        assertThrows(NoSuchAlgorithmException.class, () -> provider.newAeadEngine(Algorithm.ED25519, new byte[32]));
        assertThrows(NoSuchAlgorithmException.class, () -> provider.newAeadEngine(Algorithm.RS256, new byte[32]));
        assertThrows(NoSuchAlgorithmException.class, () -> provider.newRsaSigner(Algorithm.ED25519, rsaPrivate));
        assertThrows(NoSuchAlgorithmException.class, () -> provider.newRsaSigner(Algorithm.AES_256_GCM_SIV, rsaPrivate));
        assertThrows(NoSuchAlgorithmException.class, () -> provider.newRsaVerifier(Algorithm.AES_256_GCM, rsaPublic));
        assertThrows(NoSuchAlgorithmException.class, () -> provider.newRsaVerifier(Algorithm.ED25519, rsaPublic));
    }

    // ---- AEAD

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM", "AES_256_GCM_SIV"})
    void opensWhatItSealedOutOfPlaceAtOffsets(Algorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(algorithm, key(1));
        byte[] nonce = withMargins(nonce(algorithm), 3);
        byte[] aad = withMargins(bytes(21, 9), 5);
        byte[] plaintext = withMargins(bytes(100, 7), 2);
        byte[] sealed = new byte[4 + 100 + TAG_BYTES + 6];
        byte[] opened = new byte[100 + 8];

        engine.seal(nonce, 3, aad, 5, 21, plaintext, 2, 100, sealed, 4);
        engine.open(nonce, 3, aad, 5, 21, sealed, 4, 100 + TAG_BYTES, opened, 8);

        assertArrayEquals(bytes(100, 7), Arrays.copyOfRange(opened, 8, 108));
        assertFalse(Arrays.equals(bytes(100, 7), Arrays.copyOfRange(sealed, 4, 104)));
        assertArrayEquals(filled(4, 0), Arrays.copyOfRange(sealed, 0, 4), "nothing written before outOff");
        assertArrayEquals(filled(6, 0), Arrays.copyOfRange(sealed, 4 + 100 + TAG_BYTES, sealed.length), "nor after");
    }

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM", "AES_256_GCM_SIV"})
    void sealsAndOpensInPlace(Algorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(algorithm, key(2));
        byte[] nonce = nonce(algorithm);
        byte[] aad = bytes(13, 1);
        // 300 bytes: full blocks and a partial one, the tag straddling what GCM buffers
        byte[] buffer = new byte[5 + 300 + TAG_BYTES];
        System.arraycopy(bytes(300, 3), 0, buffer, 5, 300);

        engine.seal(nonce, 0, aad, 0, aad.length, buffer, 5, 300, buffer, 5);
        byte[] sealed = Arrays.copyOfRange(buffer, 5, buffer.length);
        byte[] sealedOutOfPlace = new byte[300 + TAG_BYTES];
        if (algorithm == Algorithm.AES_256_GCM_SIV) { // the only one that lets a nonce repeat
            engine.seal(nonce, 0, aad, 0, aad.length, bytes(300, 3), 0, 300, sealedOutOfPlace, 0);
            assertArrayEquals(sealedOutOfPlace, sealed);
        }
        byte[] openedOutOfPlace = new byte[300];
        engine.open(nonce, 0, aad, 0, aad.length, sealed, 0, sealed.length, openedOutOfPlace, 0);
        engine.open(nonce, 0, aad, 0, aad.length, buffer, 5, 300 + TAG_BYTES, buffer, 5);

        assertArrayEquals(bytes(300, 3), openedOutOfPlace);
        assertArrayEquals(bytes(300, 3), Arrays.copyOfRange(buffer, 5, 305));
    }

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM", "AES_256_GCM_SIV"})
    void sealsInPlaceWithTheNonceInTheSameArray(Algorithm algorithm) throws GeneralSecurityException {
        // The api's layout: header, nonce, then plaintext sealed in place behind them.
        AeadEngine engine = provider.newAeadEngine(algorithm, key(12));
        int n = algorithm.nonceLengthBytes();
        byte[] nonce = nonce(algorithm);
        byte[] buffer = new byte[13 + n + 40 + TAG_BYTES];
        System.arraycopy(nonce, 0, buffer, 13, n);
        System.arraycopy(bytes(40, 8), 0, buffer, 13 + n, 40);
        byte[] aad = Arrays.copyOf(buffer, 13);

        engine.seal(buffer, 13, aad, 0, 13, buffer, 13 + n, 40, buffer, 13 + n);
        engine.open(buffer, 13, aad, 0, 13, buffer, 13 + n, 40 + TAG_BYTES, buffer, 13 + n);

        assertArrayEquals(nonce, Arrays.copyOfRange(buffer, 13, 13 + n));
        assertArrayEquals(bytes(40, 8), Arrays.copyOfRange(buffer, 13 + n, 13 + n + 40));
    }

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM", "AES_256_GCM_SIV"})
    void sealsAnEmptyPlaintextWithoutAadToATagAlone(Algorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(algorithm, key(3));
        byte[] nonce = nonce(algorithm);
        byte[] tag = new byte[TAG_BYTES];

        engine.seal(nonce, 0, new byte[0], 0, 0, new byte[0], 0, 0, tag, 0);
        engine.open(nonce, 0, new byte[0], 0, 0, tag, 0, TAG_BYTES, new byte[0], 0);

        assertFalse(Arrays.equals(new byte[TAG_BYTES], tag));
    }

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM", "AES_256_GCM_SIV"})
    void refusesEveryFlippedBitAndWipesWhatItWrote(Algorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(algorithm, key(4));
        byte[] nonce = nonce(algorithm);
        byte[] aad = bytes(8, 2);
        byte[] sealed = new byte[40 + TAG_BYTES];
        engine.seal(nonce, 0, aad, 0, aad.length, bytes(40, 5), 0, 40, sealed, 0);

        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            byte[] out = filled(40 + 2, 0x5c);
            assertThrows(AEADBadTagException.class,
                    () -> engine.open(nonce, 0, aad, 0, aad.length, tampered, 0, tampered.length, out, 1), "bit " + bit);
            // Not promised by the SPI (the api discards out): BouncyCastle's GCM writes plaintext
            // before it reaches the tag, and the engine wipes it, within the plaintext's bounds.
            assertArrayEquals(filled(40, 0), Arrays.copyOfRange(out, 1, 41), "bit " + bit);
            assertEquals((byte) 0x5c, out[0]);
            assertEquals((byte) 0x5c, out[41]);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM", "AES_256_GCM_SIV"})
    void refusesAnotherAadNonceOrKey(Algorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(algorithm, key(5));
        byte[] nonce = nonce(algorithm);
        byte[] aad = bytes(8, 2);
        byte[] sealed = new byte[24 + TAG_BYTES];
        engine.seal(nonce, 0, aad, 0, aad.length, bytes(24, 5), 0, 24, sealed, 0);
        byte[] out = new byte[24];
        byte[] otherNonce = nonce.clone();
        otherNonce[0] ^= 1; // for XAES-256-GCM, a change in the key-deriving half
        byte[] otherGcmNonce = nonce.clone();
        otherGcmNonce[nonce.length - 1] ^= 1;
        AeadEngine otherKey = provider.newAeadEngine(algorithm, key(6));

        assertThrows(AEADBadTagException.class, () -> engine.open(nonce, 0, aad, 0, 7, sealed, 0, sealed.length, out, 0));
        assertThrows(AEADBadTagException.class, () -> engine.open(otherNonce, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0));
        assertThrows(AEADBadTagException.class, () -> engine.open(otherGcmNonce, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0));
        assertThrows(AEADBadTagException.class, () -> otherKey.open(nonce, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0));
        // and still opens the genuine value after all those failures
        assertDoesNotThrow(() -> engine.open(nonce, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0));
        assertArrayEquals(bytes(24, 5), out);
    }

    @Test
    void aesGcmRefusesToSealTwiceInARowWithOneNonceAsTheJdkDoes() throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(Algorithm.AES_256_GCM, key(13));
        byte[] nonce = nonce(Algorithm.AES_256_GCM);
        byte[] out = new byte[5 + TAG_BYTES];
        engine.seal(nonce, 0, new byte[0], 0, 0, bytes(5, 1), 0, 5, out, 0);

        // BouncyCastle's GCMBlockCipher guards against the one repeat it can see; the api never repeats.
        InvalidAlgorithmParameterException e = assertThrows(InvalidAlgorithmParameterException.class,
                () -> engine.seal(nonce, 0, new byte[0], 0, 0, bytes(5, 2), 0, 5, new byte[5 + TAG_BYTES], 0));
        assertFalse(e.getMessage().contains(HexFormat.of().formatHex(key(13))));
    }

    @Test
    void gcmSivSealsARepeatedNonceDeterministicallyAndRevealsOnlyEquality() throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(Algorithm.AES_256_GCM_SIV, key(14));
        byte[] nonce = nonce(Algorithm.AES_256_GCM_SIV);
        byte[] a = new byte[20 + TAG_BYTES];
        byte[] b = new byte[20 + TAG_BYTES];
        byte[] c = new byte[20 + TAG_BYTES];

        engine.seal(nonce, 0, new byte[0], 0, 0, bytes(20, 1), 0, 20, a, 0);
        engine.seal(nonce, 0, new byte[0], 0, 0, bytes(20, 1), 0, 20, b, 0);
        engine.seal(nonce, 0, new byte[0], 0, 0, bytes(20, 2), 0, 20, c, 0);

        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(Arrays.copyOf(a, 20), Arrays.copyOf(c, 20)));
    }

    static Stream<Arguments> wrongKeyLengths() {
        return Stream.of(Algorithm.XAES_256_GCM, Algorithm.AES_256_GCM, Algorithm.AES_256_GCM_SIV)
                .flatMap(a -> Stream.of(0, 1, 16, 24, 31, 33, 64).map(n -> Arguments.of(a, n)));
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @MethodSource("wrongKeyLengths")
    void refusesKeysThatAreNot32BytesWithoutNamingTheirBytes(Algorithm algorithm, int length) {
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (0xa0 + i);
        }
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> provider.newAeadEngine(algorithm, key));
        assertEquals(algorithm.jwkName() + " key must be 32 bytes, got " + length, e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM", "AES_256_GCM_SIV"})
    void copiesItsKey(Algorithm algorithm) throws GeneralSecurityException {
        byte[] key = key(7);
        AeadEngine engine = provider.newAeadEngine(algorithm, key);
        Arrays.fill(key, (byte) 0);
        byte[] nonce = nonce(algorithm);
        byte[] sealed = new byte[10 + TAG_BYTES];

        engine.seal(nonce, 0, new byte[0], 0, 0, bytes(10, 1), 0, 10, sealed, 0);

        assertDoesNotThrow(() -> provider.newAeadEngine(algorithm, key(7))
                .open(nonce, 0, new byte[0], 0, 0, sealed, 0, sealed.length, new byte[10], 0));
        assertFalse(engine.toString().contains(HexFormat.of().formatHex(key(7))));
        assertEquals(algorithm, engine.algorithm());
    }

    @Test
    void aesGcmMatchesTheBareJdkCipherBothWays() throws GeneralSecurityException {
        byte[] nonce = nonce(Algorithm.AES_256_GCM);
        byte[] aad = bytes(5, 4);
        AeadEngine engine = provider.newAeadEngine(Algorithm.AES_256_GCM, key(8));
        byte[] sealed = new byte[50 + TAG_BYTES];
        engine.seal(nonce, 0, aad, 0, 5, bytes(50, 6), 0, 50, sealed, 0);

        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(8), "AES"), new GCMParameterSpec(128, nonce));
        jdk.updateAAD(aad);
        assertArrayEquals(bytes(50, 6), jdk.doFinal(sealed));

        byte[] otherNonce = nonce(Algorithm.AES_256_GCM);
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(8), "AES"), new GCMParameterSpec(128, otherNonce));
        jdk.updateAAD(aad);
        byte[] jdkSealed = jdk.doFinal(bytes(70, 3));
        byte[] opened = new byte[70];
        engine.open(otherNonce, 0, aad, 0, 5, jdkSealed, 0, jdkSealed.length, opened, 0);
        assertArrayEquals(bytes(70, 3), opened);
    }

    // ---- Ed25519

    static Stream<Arguments> rfc8032Section71() {
        return Vectors.objects(Vectors.read("/vectors/rfc/rfc8032_section7.1_ed25519.json"), "vectors").stream()
                .map(v -> Arguments.of(v.get("name"), v));
    }

    @ParameterizedTest(name = "RFC 8032 §7.1 {0}")
    @MethodSource("rfc8032Section71")
    void signsTheRfc8032VectorsByteForByteAndVerifiesThem(String name, Map<String, Object> v)
            throws GeneralSecurityException {
        byte[] message = hex(v, "message");
        byte[] signature = provider.newEd25519Signer(hex(v, "secretKey")).sign(message, 0, message.length);
        VerifierEngine verifier = provider.newEd25519Verifier(hex(v, "publicKey"));

        assertArrayEquals(hex(v, "signature"), signature);
        assertDoesNotThrow(() -> verifier.verify(signature, message, 0, message.length));
        byte[] flipped = signature.clone();
        flipped[0] ^= 1;
        assertThrows(SignatureException.class, () -> verifier.verify(flipped, message, 0, message.length));
        byte[] longer = Arrays.copyOf(message, message.length + 1);
        assertThrows(SignatureException.class, () -> verifier.verify(signature, longer, 0, longer.length));
    }

    @Test
    void signsTheRfc8037AppendixA4JwsByteForByte() throws GeneralSecurityException {
        Map<String, Object> v = Vectors.read("/vectors/rfc/rfc8037_appendix_a_ed25519_jws.json");
        byte[] input = Vectors.ascii(v, "signingInput");
        byte[] framed = withMargins(input, 9);

        byte[] signature = provider.newEd25519Signer(base64Url(Vectors.object(v, "privateJwk"), "d"))
                .sign(framed, 9, input.length);

        assertArrayEquals(base64Url(v, "signatureB64"), signature);
        assertDoesNotThrow(() -> provider.newEd25519Verifier(base64Url(Vectors.object(v, "publicJwk"), "x"))
                .verify(signature, framed, 9, input.length));
    }

    @Test
    void signsEd25519ByteForByteAsTheJdkDoes() throws GeneralSecurityException {
        // Ed25519 is deterministic: the same seed and message give the same signature everywhere.
        for (int i = 0; i < 8; i++) {
            byte[] seed = bytes(32, 17 * i + 1);
            byte[] message = bytes(10 * i, i);
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)));
            jdk.update(message);

            assertArrayEquals(jdk.sign(), provider.newEd25519Signer(seed).sign(message, 0, message.length), "seed " + i);
        }
    }

    @Test
    void copiesItsEd25519Seed() throws GeneralSecurityException {
        byte[] seed = bytes(32, 99);
        SignerEngine signer = provider.newEd25519Signer(seed);
        Arrays.fill(seed, (byte) 0);

        assertArrayEquals(provider.newEd25519Signer(bytes(32, 99)).sign(MESSAGE, 0, MESSAGE.length),
                signer.sign(MESSAGE, 0, MESSAGE.length));
        assertFalse(signer.toString().contains(HexFormat.of().formatHex(bytes(32, 99))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 33, 64})
    void refusesEd25519KeysThatAreNot32Bytes(int length) {
        assertThrows(InvalidKeyException.class, () -> provider.newEd25519Signer(new byte[length]));
        assertThrows(InvalidKeyException.class, () -> provider.newEd25519Verifier(new byte[length]));
    }

    @Test
    void refusesAnEd25519PublicKeyThatIsNoCurvePoint() {
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2; // y = 2 gives no x on edwards25519
        assertThrows(InvalidKeyException.class, () -> provider.newEd25519Verifier(notAPoint));
    }

    // ---- RSA

    @Test
    void signsTheRfc7515AppendixA2Rs256ExampleByteForByte() throws GeneralSecurityException {
        Map<String, Object> v = Vectors.read("/vectors/rfc/rfc7515_appendix_a2_rs256.json");
        Map<String, Object> jwk = Vectors.object(v, "privateJwk");
        RSAPrivateCrtKeySpec key = new RSAPrivateCrtKeySpec(big(jwk, "n"), big(jwk, "e"), big(jwk, "d"),
                big(jwk, "p"), big(jwk, "q"), big(jwk, "dp"), big(jwk, "dq"), big(jwk, "qi"));
        byte[] input = Vectors.ascii(v, "signingInput");

        byte[] signature = provider.newRsaSigner(Algorithm.RS256, key).sign(input, 0, input.length);

        assertArrayEquals(base64Url(v, "signatureB64"), signature);
        assertDoesNotThrow(() -> provider.newRsaVerifier(Algorithm.RS256, new RSAPublicKeySpec(big(jwk, "n"), big(jwk, "e")))
                .verify(signature, input, 0, input.length));
    }

    @ParameterizedTest
    @EnumSource(names = {"RS256", "PS256"})
    void verifiesWhatItSignedAndNothingElse(Algorithm algorithm) throws GeneralSecurityException {
        byte[] framed = withMargins(MESSAGE, 4);
        byte[] signature = provider.newRsaSigner(algorithm, rsaPrivate).sign(framed, 4, MESSAGE.length);
        VerifierEngine verifier = provider.newRsaVerifier(algorithm, rsaPublic);

        assertEquals(256, signature.length);
        assertDoesNotThrow(() -> verifier.verify(signature, framed, 4, MESSAGE.length));
        for (int i : new int[] {0, 100, 255}) {
            byte[] flipped = signature.clone();
            flipped[i] ^= 0x10;
            assertThrows(SignatureException.class, () -> verifier.verify(flipped, MESSAGE, 0, MESSAGE.length));
        }
        assertThrows(SignatureException.class, () -> verifier.verify(signature, MESSAGE, 0, MESSAGE.length - 1));
        // a "signature" not below the modulus: BouncyCastle throws inside, the engine says invalid
        byte[] tooLarge = filled(256, 0xff);
        assertThrows(SignatureException.class, () -> verifier.verify(tooLarge, MESSAGE, 0, MESSAGE.length));
        // the verifier still works after failures
        assertDoesNotThrow(() -> verifier.verify(signature, MESSAGE, 0, MESSAGE.length));
    }

    @Test
    void rs256IsDeterministicAndByteForByteTheJdks() throws GeneralSecurityException {
        SignerEngine signer = provider.newRsaSigner(Algorithm.RS256, rsaPrivate);
        byte[] signature = signer.sign(MESSAGE, 0, MESSAGE.length);

        assertArrayEquals(signature, signer.sign(MESSAGE, 0, MESSAGE.length), "blinding changes nothing visible");
        Signature jdk = Signature.getInstance("SHA256withRSA");
        jdk.initSign(KeyFactory.getInstance("RSA").generatePrivate(rsaPrivate));
        jdk.update(MESSAGE);
        assertArrayEquals(jdk.sign(), signature);
    }

    @Test
    void ps256UsesSha256Mgf1Sha256AndA32ByteSalt() throws GeneralSecurityException {
        SignerEngine signer = provider.newRsaSigner(Algorithm.PS256, rsaPrivate);
        byte[] signature = signer.sign(MESSAGE, 0, MESSAGE.length);

        assertNotEquals(HexFormat.of().formatHex(signature), HexFormat.of().formatHex(signer.sign(MESSAGE, 0, MESSAGE.length)),
                "a random salt");
        assertTrue(jdkVerifiesPss(signature, 32));
        assertFalse(jdkVerifiesPss(signature, 20)); // the JDK checks the salt length it is told
    }

    @Test
    void ps256VerifiesWhatTheJdkSignedWithTheSameParameters() throws GeneralSecurityException {
        Signature jdk = Signature.getInstance("RSASSA-PSS");
        jdk.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        jdk.initSign(KeyFactory.getInstance("RSA").generatePrivate(rsaPrivate));
        jdk.update(MESSAGE);
        byte[] signature = jdk.sign();

        assertDoesNotThrow(() -> provider.newRsaVerifier(Algorithm.PS256, rsaPublic)
                .verify(signature, MESSAGE, 0, MESSAGE.length));

        jdk.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 20, 1));
        jdk.initSign(KeyFactory.getInstance("RSA").generatePrivate(rsaPrivate));
        jdk.update(MESSAGE);
        byte[] salt20 = jdk.sign();
        assertThrows(SignatureException.class, () -> provider.newRsaVerifier(Algorithm.PS256, rsaPublic)
                .verify(salt20, MESSAGE, 0, MESSAGE.length), "BouncyCastle checks the salt length too");
    }

    @Test
    void refusesAnRsaSignatureUnderAnotherKeyOrScheme() throws GeneralSecurityException {
        byte[] signature = provider.newRsaSigner(Algorithm.RS256, rsaPrivate).sign(MESSAGE, 0, MESSAGE.length);
        // Another genuine key: BouncyCastle would refuse a made-up modulus (n + 2) as having a small factor.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey other = (RSAPublicKey) generator.generateKeyPair().getPublic();

        assertThrows(SignatureException.class, () -> provider.newRsaVerifier(Algorithm.RS256,
                new RSAPublicKeySpec(other.getModulus(), other.getPublicExponent())).verify(signature, MESSAGE, 0, MESSAGE.length));
        assertThrows(SignatureException.class, () -> provider.newRsaVerifier(Algorithm.PS256, rsaPublic)
                .verify(signature, MESSAGE, 0, MESSAGE.length));
    }

    @Test
    void refusesAnRsaKeyBouncyCastleRejectsWithoutNamingIt() {
        BigInteger even = rsaPublic.getModulus().add(BigInteger.ONE);
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> provider.newRsaVerifier(Algorithm.RS256,
                new RSAPublicKeySpec(even, rsaPublic.getPublicExponent())));
        assertFalse(e.getMessage().contains(even.toString(16)));
        assertFalse(e.getMessage().contains(even.toString()));
        InvalidKeyException p = assertThrows(InvalidKeyException.class, () -> provider.newRsaSigner(Algorithm.PS256,
                new RSAPrivateCrtKeySpec(even, rsaPrivate.getPublicExponent(), rsaPrivate.getPrivateExponent(),
                        rsaPrivate.getPrimeP(), rsaPrivate.getPrimeQ(), rsaPrivate.getPrimeExponentP(),
                        rsaPrivate.getPrimeExponentQ(), rsaPrivate.getCrtCoefficient())));
        assertFalse(p.getMessage().contains(rsaPrivate.getPrivateExponent().toString(16)));
    }

    // ---- concurrency

    @Test
    void givesCorrectResultsFrom4ThreadsAtOnce() throws Exception {
        byte[] seed = hex(Vectors.objects(Vectors.read("/vectors/rfc/rfc8032_section7.1_ed25519.json"), "vectors").get(0), "secretKey");
        AeadEngine xaes = provider.newAeadEngine(Algorithm.XAES_256_GCM, key(10));
        AeadEngine gcm = provider.newAeadEngine(Algorithm.AES_256_GCM, key(11));
        AeadEngine siv = provider.newAeadEngine(Algorithm.AES_256_GCM_SIV, key(12));
        SignerEngine ed = provider.newEd25519Signer(seed);
        SignerEngine rs = provider.newRsaSigner(Algorithm.RS256, rsaPrivate);
        SignerEngine ps = provider.newRsaSigner(Algorithm.PS256, rsaPrivate);
        VerifierEngine psVerifier = provider.newRsaVerifier(Algorithm.PS256, rsaPublic);
        int threads = 4;
        int rounds = 50;
        // Expected values, computed here first on this thread: all but PS256 are deterministic.
        List<byte[][]> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < rounds; i++) {
                byte[] message = message(t, i);
                byte[] x = new byte[message.length + TAG_BYTES];
                byte[] g = new byte[message.length + TAG_BYTES];
                byte[] s = new byte[message.length + TAG_BYTES];
                xaes.seal(nonce(24, t, i), 0, message, 0, 3, message, 0, message.length, x, 0);
                gcm.seal(nonce(12, t, i), 0, message, 0, 3, message, 0, message.length, g, 0);
                siv.seal(nonce(12, t, i), 0, message, 0, 3, message, 0, message.length, s, 0);
                expected.add(new byte[][] {x, g, s, ed.sign(message, 0, message.length),
                        i % 10 == 0 ? rs.sign(message, 0, message.length) : null});
            }
        }
        // The pool's threads have fresh per-thread ciphers, so GCM never sees a nonce repeat there.
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    byte[] message = message(thread, i);
                    byte[][] want = expected.get(thread * rounds + i);
                    byte[] x = new byte[message.length + TAG_BYTES];
                    byte[] g = new byte[message.length + TAG_BYTES];
                    byte[] s = new byte[message.length + TAG_BYTES];
                    xaes.seal(nonce(24, thread, i), 0, message, 0, 3, message, 0, message.length, x, 0);
                    gcm.seal(nonce(12, thread, i), 0, message, 0, 3, message, 0, message.length, g, 0);
                    siv.seal(nonce(12, thread, i), 0, message, 0, 3, message, 0, message.length, s, 0);
                    assertArrayEquals(want[0], x);
                    assertArrayEquals(want[1], g);
                    assertArrayEquals(want[2], s);
                    byte[] opened = new byte[message.length];
                    xaes.open(nonce(24, thread, i), 0, message, 0, 3, x, 0, x.length, opened, 0);
                    assertArrayEquals(message, opened);
                    gcm.open(nonce(12, thread, i), 0, message, 0, 3, g, 0, g.length, opened, 0);
                    assertArrayEquals(message, opened);
                    siv.open(nonce(12, thread, i), 0, message, 0, 3, s, 0, s.length, opened, 0);
                    assertArrayEquals(message, opened);
                    assertArrayEquals(want[3], ed.sign(message, 0, message.length));
                    if (want[4] != null) {
                        assertArrayEquals(want[4], rs.sign(message, 0, message.length));
                        psVerifier.verify(ps.sign(message, 0, message.length), message, 0, message.length);
                    }
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Void> result : results) {
                result.get(2, TimeUnit.MINUTES); // rethrows a failed assertion
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers

    private static boolean jdkVerifiesPss(byte[] signature, int saltBytes) throws GeneralSecurityException {
        Signature jdk = Signature.getInstance("RSASSA-PSS");
        jdk.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, saltBytes, 1));
        jdk.initVerify(KeyFactory.getInstance("RSA").generatePublic(rsaPublic));
        jdk.update(MESSAGE);
        return jdk.verify(signature);
    }

    private static BigInteger big(Map<String, Object> jwk, String member) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(Vectors.string(jwk, member)));
    }

    private static byte[] key(int label) {
        return bytes(32, label * 31);
    }

    /** A nonce no other seal in this class uses (GCM refuses an immediate repeat on one thread). */
    private static synchronized byte[] nonce(Algorithm algorithm) {
        return nonce(algorithm.nonceLengthBytes(), 99, (int) nonceCounter++);
    }

    /** A nonce unique to (thread, round): the bytes the XAES key derivation reads differ too. */
    private static byte[] nonce(int length, int thread, int round) {
        byte[] n = new byte[length];
        n[0] = (byte) thread;
        n[1] = (byte) round;
        n[2] = (byte) (round >>> 8);
        n[length - 1] = (byte) thread;
        n[length - 2] = (byte) round;
        n[length - 3] = (byte) (round >>> 8);
        return n;
    }

    private static byte[] message(int thread, int round) {
        return bytes(20 + round, thread * 1000 + round);
    }

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + 7 * i);
        }
        return b;
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** The same bytes at {@code offset}, with unrelated bytes before and after. */
    private static byte[] withMargins(byte[] b, int offset) {
        byte[] framed = filled(offset + b.length + 3, 0xee);
        System.arraycopy(b, 0, framed, offset, b.length);
        return framed;
    }
}
