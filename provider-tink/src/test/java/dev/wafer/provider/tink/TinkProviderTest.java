package dev.wafer.provider.tink;

import static dev.wafer.provider.tink.Vectors.base64Url;
import static dev.wafer.provider.tink.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.subtle.AesGcmJce;
import dev.wafer.Algorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
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

/** The Tink provider's engines, one by one, against the JDK, Tink's own primitives and RFC vectors. */
class TinkProviderTest {

    private static final int TAG_BYTES = 16;
    private static final byte[] MESSAGE = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3YWZlciJ9".getBytes(StandardCharsets.US_ASCII);

    private static RSAPrivateCrtKeySpec rsaPrivate;
    private static RSAPublicKeySpec rsaPublic;

    private final TinkProvider provider = new TinkProvider();
    // SunJCE, under Tink's EngineFactory here, refuses to encrypt twice on one Cipher with the same
    // key and IV: every seal here takes a fresh nonce.
    private static long nonceCounter;

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
    void namesItselfTinkWithPriority90AndTinksVersion() {
        assertEquals("tink", provider.name());
        assertEquals(90, provider.priority());
        assertEquals("wafer-provider-tink 1.24.0", provider.version());
        assertEquals(com.google.crypto.tink.Version.TINK_VERSION, provider.version().substring("wafer-provider-tink ".length()));
    }

    @Test
    void declaresItsProvisionalPerAlgorithmPriorities() {
        assertEquals(100, provider.priority(Algorithm.AES_256_GCM));
        assertEquals(80, provider.priority(Algorithm.XAES_256_GCM));
        assertEquals(150, provider.priority(Algorithm.ED25519));
        assertEquals(80, provider.priority(Algorithm.RS256));
        assertEquals(80, provider.priority(Algorithm.PS256));
        assertEquals(90, provider.priority(Algorithm.AES_256_GCM_SIV));
    }

    @Test
    void listsEveryAlgorithmButGcmSivWithoutAJceProviderThatOffersIt() {
        assertEquals(EnumSet.of(Algorithm.XAES_256_GCM, Algorithm.AES_256_GCM,
                Algorithm.ED25519, Algorithm.RS256, Algorithm.PS256), provider.algorithms());
        assertThrows(UnsupportedOperationException.class, () -> provider.algorithms().add(Algorithm.AES_256_GCM_SIV));
    }

    @Test
    void refusesGcmSivSayingWhyAndNamingTheProviderThatHasIt() {
        NoSuchAlgorithmException e = assertThrows(NoSuchAlgorithmException.class,
                () -> provider.newAeadEngine(Algorithm.AES_256_GCM_SIV, new byte[32]));
        assertEquals("AES-256-GCM-SIV is not available in the Tink provider: Tink needs a JCE provider with"
                + " AES/GCM-SIV/NoPadding (Conscrypt, installed with Security.insertProviderAt), and this runtime"
                + " has none; add wafer-provider-bc", e.getMessage());
    }

    @Test
    void refusesAlgorithmsOfTheWrongKind() {
        assertThrows(NoSuchAlgorithmException.class, () -> provider.newAeadEngine(Algorithm.ED25519, new byte[32]));
        assertThrows(NoSuchAlgorithmException.class, () -> provider.newRsaSigner(Algorithm.ED25519, rsaPrivate));
        assertThrows(NoSuchAlgorithmException.class, () -> provider.newRsaVerifier(Algorithm.AES_256_GCM, rsaPublic));
        assertThrows(NoSuchAlgorithmException.class, () -> provider.newRsaVerifier(Algorithm.AES_256_GCM_SIV, rsaPublic));
    }

    // ---- AEAD

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM"})
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
    }

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM"})
    void sealsAndOpensInPlace(Algorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(algorithm, key(2));
        byte[] nonce = nonce(algorithm);
        byte[] aad = bytes(13, 1);
        byte[] buffer = new byte[5 + 300 + TAG_BYTES];
        System.arraycopy(bytes(300, 3), 0, buffer, 5, 300);

        engine.seal(nonce, 0, aad, 0, aad.length, buffer, 5, 300, buffer, 5);
        byte[] sealed = Arrays.copyOfRange(buffer, 5, buffer.length);
        byte[] openedOutOfPlace = new byte[300];
        engine.open(nonce, 0, aad, 0, aad.length, sealed, 0, sealed.length, openedOutOfPlace, 0);
        engine.open(nonce, 0, aad, 0, aad.length, buffer, 5, 300 + TAG_BYTES, buffer, 5);

        assertArrayEquals(bytes(300, 3), openedOutOfPlace);
        assertArrayEquals(bytes(300, 3), Arrays.copyOfRange(buffer, 5, 305));
    }

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM"})
    void sealsAnEmptyPlaintextWithoutAadToATagAlone(Algorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(algorithm, key(3));
        byte[] nonce = nonce(algorithm);
        byte[] tag = new byte[TAG_BYTES];

        engine.seal(nonce, 0, new byte[0], 0, 0, new byte[0], 0, 0, tag, 0);
        engine.open(nonce, 0, new byte[0], 0, 0, tag, 0, TAG_BYTES, new byte[0], 0);

        assertFalse(Arrays.equals(new byte[TAG_BYTES], tag));
    }

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM"})
    void refusesEveryFlippedBitWritingNothing(Algorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(algorithm, key(4));
        byte[] nonce = nonce(algorithm);
        byte[] aad = bytes(8, 2);
        byte[] sealed = new byte[24 + TAG_BYTES];
        engine.seal(nonce, 0, aad, 0, aad.length, bytes(24, 5), 0, 24, sealed, 0);

        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            byte[] out = new byte[24];
            Arrays.fill(out, (byte) 0x5c);
            assertThrows(AEADBadTagException.class,
                    () -> engine.open(nonce, 0, aad, 0, aad.length, tampered, 0, tampered.length, out, 0), "bit " + bit);
            // Not promised by the SPI (the api discards out), but SunJCE, the cipher Tink's
            // EngineFactory gives on this JDK, checks the tag first.
            assertArrayEquals(filled(24, 0x5c), out, "bit " + bit);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM"})
    void refusesAnotherAadNonceOrKey(Algorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = provider.newAeadEngine(algorithm, key(5));
        byte[] nonce = nonce(algorithm);
        byte[] aad = bytes(8, 2);
        byte[] sealed = new byte[24 + TAG_BYTES];
        engine.seal(nonce, 0, aad, 0, aad.length, bytes(24, 5), 0, 24, sealed, 0);
        byte[] out = new byte[24];
        byte[] otherNonce = nonce.clone();
        otherNonce[0] ^= 1; // for XAES-256-GCM, a change in the key-deriving half
        AeadEngine otherKey = provider.newAeadEngine(algorithm, key(6));

        assertThrows(AEADBadTagException.class, () -> engine.open(nonce, 0, aad, 0, 7, sealed, 0, sealed.length, out, 0));
        assertThrows(AEADBadTagException.class, () -> engine.open(otherNonce, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0));
        assertThrows(AEADBadTagException.class, () -> otherKey.open(nonce, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0));
    }

    static Stream<Arguments> wrongKeyLengths() {
        return Stream.of(Algorithm.XAES_256_GCM, Algorithm.AES_256_GCM)
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
    @EnumSource(names = {"XAES_256_GCM", "AES_256_GCM"})
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
    }

    @Test
    void aesGcmMatchesTheBareJdkCipher() throws GeneralSecurityException {
        byte[] nonce = nonce(Algorithm.AES_256_GCM);
        byte[] aad = bytes(5, 4);
        byte[] sealed = new byte[50 + TAG_BYTES];
        provider.newAeadEngine(Algorithm.AES_256_GCM, key(8)).seal(nonce, 0, aad, 0, 5, bytes(50, 6), 0, 50, sealed, 0);

        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(8), "AES"),
                new GCMParameterSpec(128, nonce));
        jdk.updateAAD(aad);
        assertArrayEquals(bytes(50, 6), jdk.doFinal(sealed));
    }

    @Test
    void aesGcmIsTinksAesGcmJceWithTheNonceWaferChooses() throws GeneralSecurityException {
        // Tink's public AES-GCM writes IV || ct || tag with an IV of its own: the same function.
        byte[] nonce = nonce(Algorithm.AES_256_GCM);
        byte[] aad = bytes(5, 4);
        AeadEngine engine = provider.newAeadEngine(Algorithm.AES_256_GCM, key(9));
        byte[] sealed = new byte[50 + TAG_BYTES];
        engine.seal(nonce, 0, aad, 0, 5, bytes(50, 6), 0, 50, sealed, 0);
        AesGcmJce tink = new AesGcmJce(key(9));

        assertArrayEquals(bytes(50, 6), tink.decrypt(concat(nonce, sealed), aad));
        byte[] tinkSealed = tink.encrypt(bytes(50, 6), aad);
        byte[] opened = new byte[50];
        engine.open(tinkSealed, 0, aad, 0, 5, tinkSealed, 12, tinkSealed.length - 12, opened, 0);
        assertArrayEquals(bytes(50, 6), opened);
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
        // Tink decodes the point only when it verifies; the provider makes it do so at creation.
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> provider.newEd25519Verifier(notAPoint));
        assertEquals("Ed25519 public key does not decode to a curve point (RFC 8032 §5.1.3)", e.getMessage());
    }

    @Test
    void signsEd25519ExactlyAsTheJdkDoesAndCopiesTheSeed() throws GeneralSecurityException {
        byte[] seed = bytes(32, 77);
        SignerEngine signer = provider.newEd25519Signer(seed);
        Arrays.fill(seed, (byte) 0);
        byte[] signature = signer.sign(MESSAGE, 0, MESSAGE.length);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(
                new java.security.spec.EdECPrivateKeySpec(java.security.spec.NamedParameterSpec.ED25519, bytes(32, 77))));
        jdk.update(MESSAGE);
        assertArrayEquals(jdk.sign(), signature, "Ed25519 is deterministic: byte-identical across engines");
        assertFalse(signer.toString().contains(HexFormat.of().formatHex(bytes(32, 77))));
    }

    @Test
    void signsAndVerifiesEd25519FromOffsets() throws GeneralSecurityException {
        Map<String, Object> v = Vectors.objects(Vectors.read("/vectors/rfc/rfc8032_section7.1_ed25519.json"), "vectors").get(2);
        byte[] message = hex(v, "message");
        byte[] framed = withMargins(message, 6);

        byte[] signature = provider.newEd25519Signer(hex(v, "secretKey")).sign(framed, 6, message.length);

        assertArrayEquals(hex(v, "signature"), signature);
        assertDoesNotThrow(() -> provider.newEd25519Verifier(hex(v, "publicKey")).verify(signature, framed, 6, message.length));
        assertThrows(SignatureException.class,
                () -> provider.newEd25519Verifier(hex(v, "publicKey")).verify(signature, framed, 5, message.length));
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
        // the verifier still works after a failure
        assertDoesNotThrow(() -> verifier.verify(signature, MESSAGE, 0, MESSAGE.length));
    }

    @Test
    void rs256IsDeterministicAndByteIdenticalToTheBareJdk() throws GeneralSecurityException {
        SignerEngine signer = provider.newRsaSigner(Algorithm.RS256, rsaPrivate);
        byte[] signature = signer.sign(MESSAGE, 0, MESSAGE.length);

        assertArrayEquals(signature, signer.sign(MESSAGE, 0, MESSAGE.length));
        Signature jdk = Signature.getInstance("SHA256withRSA");
        jdk.initSign(KeyFactory.getInstance("RSA").generatePrivate(rsaPrivate));
        jdk.update(MESSAGE);
        assertArrayEquals(jdk.sign(), signature);
    }

    @Test
    void rejectsAnRs256SignatureWhoseDigestInfoOmitsTheNull() throws GeneralSecurityException {
        // RFC 8017 §9.2 note 1 allows verifiers to accept the form without NULL; Tink does not.
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(MESSAGE);
        byte[] missingNull = concat(HexFormat.of().parseHex("302f300b0609608648016503040201" + "0420"), digest);
        Cipher raw = Cipher.getInstance("RSA/ECB/PKCS1Padding"); // EMSA-PKCS1-v1_5 padding of any T
        raw.init(Cipher.ENCRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(rsaPrivate));
        byte[] signature = raw.doFinal(missingNull);

        Signature jdk = Signature.getInstance("SHA256withRSA");
        jdk.initVerify(KeyFactory.getInstance("RSA").generatePublic(rsaPublic));
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(signature), "the JDK accepts it (the JDK provider declares so)");
        assertThrows(SignatureException.class, () -> provider.newRsaVerifier(Algorithm.RS256, rsaPublic)
                .verify(signature, MESSAGE, 0, MESSAGE.length));
    }

    @Test
    void refusesRsaPublicExponentsTinkRefuses() {
        // The api's floor already refuses e < 65537 and even e; Tink refuses them too, and e > 2^256.
        for (BigInteger e : new BigInteger[] {BigInteger.valueOf(3), BigInteger.valueOf(65538), BigInteger.TWO.pow(256).add(BigInteger.ONE)}) {
            RSAPublicKeySpec key = new RSAPublicKeySpec(rsaPublic.getModulus(), e);
            assertThrows(GeneralSecurityException.class, () -> provider.newRsaVerifier(Algorithm.RS256, key), e::toString);
            assertThrows(GeneralSecurityException.class, () -> provider.newRsaVerifier(Algorithm.PS256, key), e::toString);
        }
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
    void refusesAnRsaSignatureUnderAnotherKey() throws GeneralSecurityException {
        byte[] signature = provider.newRsaSigner(Algorithm.RS256, rsaPrivate).sign(MESSAGE, 0, MESSAGE.length);
        BigInteger otherModulus = rsaPublic.getModulus().add(BigInteger.TWO);

        assertThrows(SignatureException.class, () -> provider.newRsaVerifier(Algorithm.RS256,
                new RSAPublicKeySpec(otherModulus, rsaPublic.getPublicExponent())).verify(signature, MESSAGE, 0, MESSAGE.length));
        assertThrows(SignatureException.class, () -> provider.newRsaVerifier(Algorithm.PS256, rsaPublic)
                .verify(signature, MESSAGE, 0, MESSAGE.length));
    }

    // ---- concurrency

    @Test
    void givesCorrectResultsFrom4ThreadsAtOnce() throws Exception {
        byte[] seed = hex(Vectors.objects(Vectors.read("/vectors/rfc/rfc8032_section7.1_ed25519.json"), "vectors").get(0), "secretKey");
        AeadEngine xaes = provider.newAeadEngine(Algorithm.XAES_256_GCM, key(10));
        AeadEngine gcm = provider.newAeadEngine(Algorithm.AES_256_GCM, key(11));
        SignerEngine ed = provider.newEd25519Signer(seed);
        SignerEngine rs = provider.newRsaSigner(Algorithm.RS256, rsaPrivate);
        SignerEngine ps = provider.newRsaSigner(Algorithm.PS256, rsaPrivate);
        VerifierEngine psVerifier = provider.newRsaVerifier(Algorithm.PS256, rsaPublic);
        int threads = 4;
        int rounds = 50;
        // Expected values, computed here first: all but PS256 are deterministic.
        List<byte[][]> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < rounds; i++) {
                byte[] message = message(t, i);
                byte[] x = new byte[message.length + TAG_BYTES];
                byte[] g = new byte[message.length + TAG_BYTES];
                xaes.seal(nonce(24, t, i), 0, message, 0, 3, message, 0, message.length, x, 0);
                gcm.seal(nonce(12, t, i), 0, message, 0, 3, message, 0, message.length, g, 0);
                expected.add(new byte[][] {x, g, ed.sign(message, 0, message.length),
                        i % 10 == 0 ? rs.sign(message, 0, message.length) : null});
            }
        }
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
                    xaes.seal(nonce(24, thread, i), 0, message, 0, 3, message, 0, message.length, x, 0);
                    gcm.seal(nonce(12, thread, i), 0, message, 0, 3, message, 0, message.length, g, 0);
                    assertArrayEquals(want[0], x);
                    assertArrayEquals(want[1], g);
                    byte[] opened = new byte[message.length];
                    xaes.open(nonce(24, thread, i), 0, message, 0, 3, x, 0, x.length, opened, 0);
                    assertArrayEquals(message, opened);
                    gcm.open(nonce(12, thread, i), 0, message, 0, 3, g, 0, g.length, opened, 0);
                    assertArrayEquals(message, opened);
                    assertArrayEquals(want[2], ed.sign(message, 0, message.length));
                    if (want[3] != null) {
                        assertArrayEquals(want[3], rs.sign(message, 0, message.length));
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

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static BigInteger big(Map<String, Object> jwk, String member) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(Vectors.string(jwk, member)));
    }

    private static byte[] key(int label) {
        return bytes(32, label * 31);
    }

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
