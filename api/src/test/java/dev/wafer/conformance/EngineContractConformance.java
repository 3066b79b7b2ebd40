package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.EncodedPublicKey;
import dev.wafer.spi.RsaPrivateKeyMaterial;
import dev.wafer.spi.RsaPublicKeyMaterial;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SPI's engine contract, on the engines themselves, for every algorithm the provider lists:
 * offsets, in-place operation, empty input, every flipped bit refused, the key copied, the
 * algorithm's exact bytes (a bare JDK cipher or signature reads what the engine writes), refusals
 * of keys of the wrong size or type, and four threads sharing engines. What every provider must do
 * below the api's own checks (docs/providers.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineContractConformance extends ProviderUnderTest {
    private static final int TAG_BYTES = 16;
    private static final byte[] MESSAGE = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3YWZlciJ9".getBytes(StandardCharsets.US_ASCII);
    // SunJCE refuses to encrypt twice on one Cipher with the same key and nonce: every seal here
    // takes a fresh nonce.
    private static final AtomicLong NONCES = new AtomicLong();

    private RSAPrivateCrtKeySpec rsaPrivate;
    private RSAPublicKeySpec rsaPublic;
    private RSAPublicKeySpec otherRsaPublic;

    @BeforeAll
    void generateOneRsaKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        rsaPrivate = new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient());
        RSAPublicKey p = (RSAPublicKey) pair.getPublic();
        rsaPublic = new RSAPublicKeySpec(p.getModulus(), p.getPublicExponent());
        // Another genuine key: an engine may refuse a made-up modulus (n + 2) for a small factor.
        RSAPublicKey other = (RSAPublicKey) generator.generateKeyPair().getPublic();
        otherRsaPublic = new RSAPublicKeySpec(other.getModulus(), other.getPublicExponent());
    }

    Stream<SealingAlgorithm> sealingAlgorithms() {
        return Stream.of(SealingAlgorithm.values()).filter(this::supports);
    }

    Stream<SigningAlgorithm> rsaAlgorithms() {
        return Stream.of(SigningAlgorithm.RS256, SigningAlgorithm.PS256).filter(this::supports);
    }

    // ---- the provider -----------------------------------------------------------------------------

    @Test
    void declaresTheSpiVersionItWasBuiltFor() {
        assertEquals(WaferProvider.SPI_VERSION, spi().spiVersion());
    }

    @Test
    void listsAnImmutableSetOfWafersAlgorithms() {
        assertFalse(spi().algorithms().isEmpty());
        assertTrue(Algorithm.all().containsAll(spi().algorithms()));
        assertThrows(UnsupportedOperationException.class, () -> spi().algorithms().add(SealingAlgorithm.AES_256_GCM));
    }

    @Test
    void refusesWhatItDoesNotListAndKeysOfAnotherType() {
        for (SealingAlgorithm a : SealingAlgorithm.values()) {
            if (!supports(a)) {
                assertThrows(NoSuchAlgorithmException.class, () -> spi().newAeadEngine(a, new byte[32]));
            }
        }
        if (supports(SigningAlgorithm.ED25519)) {
            assertThrows(InvalidKeyException.class, () -> spi().newSigner(SigningAlgorithm.ED25519,
                    new RsaPrivateKeyMaterial(rsaPrivate)));
            assertThrows(InvalidKeyException.class, () -> spi().newVerifier(SigningAlgorithm.ED25519,
                    new RsaPublicKeyMaterial(rsaPublic)));
        }
        rsaAlgorithms().forEach(a -> {
            assertThrows(InvalidKeyException.class, () -> spi().newSigner(a, new EncodedPrivateKey(new byte[32])));
            assertThrows(InvalidKeyException.class, () -> spi().newVerifier(a, new EncodedPublicKey(new byte[32])));
        });
    }

    // ---- AEAD ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("sealingAlgorithms")
    void opensWhatItSealedOutOfPlaceAtOffsets(SealingAlgorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = spi().newAeadEngine(algorithm, key(1));
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
    @MethodSource("sealingAlgorithms")
    void sealsAndOpensInPlace(SealingAlgorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = spi().newAeadEngine(algorithm, key(2));
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
    @MethodSource("sealingAlgorithms")
    void sealsInPlaceWithTheNonceInTheSameArray(SealingAlgorithm algorithm) throws GeneralSecurityException {
        // What the sealed-value format does: header, nonce and plaintext in one buffer, sealed in place.
        AeadEngine engine = spi().newAeadEngine(algorithm, key(12));
        int n = algorithm.nonceLengthBytes();
        byte[] buffer = new byte[n + 40 + TAG_BYTES];
        System.arraycopy(nonce(algorithm), 0, buffer, 0, n);
        System.arraycopy(bytes(40, 8), 0, buffer, n, 40);
        byte[] nonceCopy = Arrays.copyOf(buffer, n);

        engine.seal(buffer, 0, new byte[0], 0, 0, buffer, n, 40, buffer, n);

        assertArrayEquals(nonceCopy, Arrays.copyOf(buffer, n), "the nonce is read, never written");
        byte[] opened = new byte[40];
        engine.open(nonceCopy, 0, new byte[0], 0, 0, buffer, n, 40 + TAG_BYTES, opened, 0);
        assertArrayEquals(bytes(40, 8), opened);
    }

    @ParameterizedTest
    @MethodSource("sealingAlgorithms")
    void sealsAnEmptyPlaintextWithoutAadToATagAlone(SealingAlgorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = spi().newAeadEngine(algorithm, key(3));
        byte[] nonce = nonce(algorithm);
        byte[] tag = new byte[TAG_BYTES];

        engine.seal(nonce, 0, new byte[0], 0, 0, new byte[0], 0, 0, tag, 0);
        engine.open(nonce, 0, new byte[0], 0, 0, tag, 0, TAG_BYTES, new byte[0], 0);

        assertFalse(Arrays.equals(new byte[TAG_BYTES], tag));
    }

    @ParameterizedTest
    @MethodSource("sealingAlgorithms")
    void refusesEveryFlippedBitAndLeavesNoPlaintext(SealingAlgorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = spi().newAeadEngine(algorithm, key(4));
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
            // The SPI: an engine that wrote plaintext before it checked the tag wipes it.
            assertTrue(Arrays.equals(filled(24, 0x5c), out) || Arrays.equals(new byte[24], out),
                    "bit " + bit + ": unauthenticated plaintext left in the output");
        }
    }

    @ParameterizedTest
    @MethodSource("sealingAlgorithms")
    void refusesAnotherAadNonceOrKey(SealingAlgorithm algorithm) throws GeneralSecurityException {
        AeadEngine engine = spi().newAeadEngine(algorithm, key(5));
        byte[] nonce = nonce(algorithm);
        byte[] aad = bytes(8, 2);
        byte[] sealed = new byte[24 + TAG_BYTES];
        engine.seal(nonce, 0, aad, 0, aad.length, bytes(24, 5), 0, 24, sealed, 0);
        byte[] out = new byte[24];
        byte[] otherNonce = nonce.clone();
        otherNonce[0] ^= 1; // for XAES-256-GCM, a change in the key-deriving half
        byte[] otherSuffix = nonce.clone();
        otherSuffix[otherSuffix.length - 1] ^= 1;
        AeadEngine otherKey = spi().newAeadEngine(algorithm, key(6));

        assertThrows(AEADBadTagException.class, () -> engine.open(nonce, 0, aad, 0, 7, sealed, 0, sealed.length, out, 0));
        assertThrows(AEADBadTagException.class, () -> engine.open(otherNonce, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0));
        assertThrows(AEADBadTagException.class, () -> engine.open(otherSuffix, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0));
        assertThrows(AEADBadTagException.class, () -> otherKey.open(nonce, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0));
    }

    Stream<Arguments> wrongKeyLengths() {
        return sealingAlgorithms().flatMap(a -> Stream.of(0, 1, 16, 24, 31, 33, 64).map(n -> Arguments.of(a, n)));
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @MethodSource("wrongKeyLengths")
    void refusesKeysThatAreNot32BytesWithoutNamingTheirBytes(SealingAlgorithm algorithm, int length) {
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (0xa0 + i);
        }
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> spi().newAeadEngine(algorithm, key));
        assertEquals(algorithm.jwkName() + " key must be 32 bytes, got " + length, e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("sealingAlgorithms")
    void copiesItsKey(SealingAlgorithm algorithm) throws GeneralSecurityException {
        byte[] key = key(7);
        AeadEngine engine = spi().newAeadEngine(algorithm, key);
        Arrays.fill(key, (byte) 0);
        byte[] nonce = nonce(algorithm);
        byte[] sealed = new byte[10 + TAG_BYTES];

        engine.seal(nonce, 0, new byte[0], 0, 0, bytes(10, 1), 0, 10, sealed, 0);

        assertDoesNotThrow(() -> spi().newAeadEngine(algorithm, key(7))
                .open(nonce, 0, new byte[0], 0, 0, sealed, 0, sealed.length, new byte[10], 0));
        assertFalse(engine.toString().contains(HexFormat.of().formatHex(key(7))));
        assertEquals(algorithm, engine.algorithm());
    }

    @Test
    void aesGcmMatchesTheBareJdkCipherBothWays() throws GeneralSecurityException {
        if (!supports(SealingAlgorithm.AES_256_GCM)) {
            return;
        }
        AeadEngine engine = spi().newAeadEngine(SealingAlgorithm.AES_256_GCM, key(8));
        byte[] nonce = nonce(SealingAlgorithm.AES_256_GCM);
        byte[] aad = bytes(5, 4);
        byte[] sealed = new byte[50 + TAG_BYTES];
        engine.seal(nonce, 0, aad, 0, 5, bytes(50, 6), 0, 50, sealed, 0);

        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(8), "AES"), new GCMParameterSpec(128, nonce));
        jdk.updateAAD(aad);
        assertArrayEquals(bytes(50, 6), jdk.doFinal(sealed));

        byte[] other = nonce(SealingAlgorithm.AES_256_GCM);
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(8), "AES"), new GCMParameterSpec(128, other));
        jdk.updateAAD(aad);
        byte[] byJdk = jdk.doFinal(bytes(50, 6));
        byte[] opened = new byte[50];
        engine.open(other, 0, aad, 0, 5, byJdk, 0, byJdk.length, opened, 0);
        assertArrayEquals(bytes(50, 6), opened);
    }

    // ---- signatures ---------------------------------------------------------------------------------

    @Test
    void signsAndVerifiesEd25519AtOffsets() throws GeneralSecurityException {
        if (!supports(SigningAlgorithm.ED25519)) {
            return;
        }
        Map<String, Object> v = TestJson.resource("/vectors/rfc/rfc8037_appendix_a_ed25519_jws.json");
        byte[] input = ((String) v.get("signingInput")).getBytes(StandardCharsets.US_ASCII);
        byte[] framed = withMargins(input, 9);
        byte[] seed = dev.wafer.internal.Base64Url.decode((String) TestJson.obj(v, "privateJwk").get("d"));
        byte[] pub = dev.wafer.internal.Base64Url.decode((String) TestJson.obj(v, "publicJwk").get("x"));

        byte[] signature = spi().newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(seed)).sign(framed, 9, input.length);

        assertArrayEquals(dev.wafer.internal.Base64Url.decode((String) v.get("signatureB64")), signature);
        VerifierEngine verifier = spi().newVerifier(SigningAlgorithm.ED25519, new EncodedPublicKey(pub));
        assertDoesNotThrow(() -> verifier.verify(signature, framed, 9, input.length));
        byte[] flipped = signature.clone();
        flipped[0] ^= 1;
        assertThrows(SignatureException.class, () -> verifier.verify(flipped, framed, 9, input.length));
        assertThrows(SignatureException.class, () -> verifier.verify(signature, framed, 9, input.length - 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 33, 64})
    void refusesEd25519KeysThatAreNot32Bytes(int length) {
        if (!supports(SigningAlgorithm.ED25519)) {
            return;
        }
        assertThrows(InvalidKeyException.class, () -> spi().newSigner(SigningAlgorithm.ED25519,
                new EncodedPrivateKey(new byte[length])));
        assertThrows(InvalidKeyException.class, () -> spi().newVerifier(SigningAlgorithm.ED25519,
                new EncodedPublicKey(new byte[length])));
    }

    @Test
    void refusesAnEd25519PublicKeyThatIsNoCurvePoint() {
        if (!supports(SigningAlgorithm.ED25519)) {
            return;
        }
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2; // y = 2 gives no x on edwards25519
        assertThrows(InvalidKeyException.class, () -> spi().newVerifier(SigningAlgorithm.ED25519,
                new EncodedPublicKey(notAPoint)));
    }

    @ParameterizedTest
    @MethodSource("rsaAlgorithms")
    void verifiesWhatItSignedAndNothingElse(SigningAlgorithm algorithm) throws GeneralSecurityException {
        byte[] framed = withMargins(MESSAGE, 4);
        byte[] signature = spi().newSigner(algorithm, new RsaPrivateKeyMaterial(rsaPrivate)).sign(framed, 4, MESSAGE.length);
        VerifierEngine verifier = spi().newVerifier(algorithm, new RsaPublicKeyMaterial(rsaPublic));

        assertEquals(256, signature.length);
        assertDoesNotThrow(() -> verifier.verify(signature, framed, 4, MESSAGE.length));
        for (int i : new int[] {0, 100, 255}) {
            byte[] flipped = signature.clone();
            flipped[i] ^= 0x10;
            assertThrows(SignatureException.class, () -> verifier.verify(flipped, MESSAGE, 0, MESSAGE.length));
        }
        assertThrows(SignatureException.class, () -> verifier.verify(signature, MESSAGE, 0, MESSAGE.length - 1));
        assertDoesNotThrow(() -> verifier.verify(signature, MESSAGE, 0, MESSAGE.length), "still works after a failure");
    }

    @Test
    void rs256IsDeterministicAndReadByTheBareJdk() throws GeneralSecurityException {
        if (!supports(SigningAlgorithm.RS256)) {
            return;
        }
        SignerEngine signer = spi().newSigner(SigningAlgorithm.RS256, new RsaPrivateKeyMaterial(rsaPrivate));
        byte[] signature = signer.sign(MESSAGE, 0, MESSAGE.length);

        assertArrayEquals(signature, signer.sign(MESSAGE, 0, MESSAGE.length));
        Signature jdk = Signature.getInstance("SHA256withRSA");
        jdk.initVerify(KeyFactory.getInstance("RSA").generatePublic(rsaPublic));
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(signature));
    }

    @Test
    void ps256UsesSha256Mgf1Sha256AndA32ByteSalt() throws GeneralSecurityException {
        if (!supports(SigningAlgorithm.PS256)) {
            return;
        }
        SignerEngine signer = spi().newSigner(SigningAlgorithm.PS256, new RsaPrivateKeyMaterial(rsaPrivate));
        byte[] signature = signer.sign(MESSAGE, 0, MESSAGE.length);

        assertNotEquals(HexFormat.of().formatHex(signature), HexFormat.of().formatHex(signer.sign(MESSAGE, 0, MESSAGE.length)),
                "a random salt");
        assertTrue(jdkVerifiesPss(signature, 32));
        assertFalse(jdkVerifiesPss(signature, 20)); // the JDK checks the salt length it is told
    }

    @Test
    void refusesAnRsaSignatureUnderAnotherKeyOrScheme() throws GeneralSecurityException {
        if (!supports(SigningAlgorithm.RS256) || !supports(SigningAlgorithm.PS256)) {
            return;
        }
        byte[] signature = spi().newSigner(SigningAlgorithm.RS256, new RsaPrivateKeyMaterial(rsaPrivate))
                .sign(MESSAGE, 0, MESSAGE.length);

        assertThrows(SignatureException.class, () -> spi().newVerifier(SigningAlgorithm.RS256,
                new RsaPublicKeyMaterial(otherRsaPublic)).verify(signature, MESSAGE, 0, MESSAGE.length));
        assertThrows(SignatureException.class, () -> spi().newVerifier(SigningAlgorithm.PS256,
                new RsaPublicKeyMaterial(rsaPublic)).verify(signature, MESSAGE, 0, MESSAGE.length));
    }

    // ---- concurrency --------------------------------------------------------------------------------

    @Test
    void givesCorrectResultsFrom4ThreadsSharingEngines() throws Exception {
        List<AeadEngine> aeads = new ArrayList<>();
        sealingAlgorithms().forEach(a -> {
            try {
                aeads.add(spi().newAeadEngine(a, key(10 + a.ordinal())));
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        });
        List<SignerEngine> signers = new ArrayList<>();
        if (supports(SigningAlgorithm.ED25519)) {
            signers.add(spi().newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(key(20))));
        }
        if (supports(SigningAlgorithm.RS256)) {
            signers.add(spi().newSigner(SigningAlgorithm.RS256, new RsaPrivateKeyMaterial(rsaPrivate)));
        }
        int threads = 4;
        int rounds = 40;
        // Expected values, computed here first: every engine used here is deterministic.
        List<byte[][]> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < rounds; i++) {
                expected.add(run(aeads, signers, t, i, i % 8 == 0));
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    byte[][] want = expected.get(thread * rounds + i);
                    byte[][] got = run(aeads, signers, thread, i, i % 8 == 0);
                    for (int k = 0; k < want.length; k++) {
                        assertArrayEquals(want[k], got[k], "thread " + thread + ", round " + i + ", output " + k);
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

    /** Seals and opens with every AEAD, and signs (RSA only every eighth round), for (thread, round). */
    private static byte[][] run(List<AeadEngine> aeads, List<SignerEngine> signers, int thread, int round, boolean rsa)
            throws GeneralSecurityException {
        byte[] message = bytes(20 + round, thread * 1000 + round);
        List<byte[]> out = new ArrayList<>();
        for (AeadEngine e : aeads) {
            byte[] nonce = nonce(e.algorithm().nonceLengthBytes(), thread, round);
            byte[] sealed = new byte[message.length + TAG_BYTES];
            e.seal(nonce, 0, message, 0, 3, message, 0, message.length, sealed, 0);
            byte[] opened = new byte[message.length];
            e.open(nonce, 0, message, 0, 3, sealed, 0, sealed.length, opened, 0);
            assertArrayEquals(message, opened);
            out.add(sealed);
        }
        for (SignerEngine s : signers) {
            if (s.algorithm() == SigningAlgorithm.ED25519 || rsa) {
                out.add(s.sign(message, 0, message.length));
            }
        }
        return out.toArray(new byte[0][]);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private boolean jdkVerifiesPss(byte[] signature, int saltBytes) throws GeneralSecurityException {
        Signature jdk = Signature.getInstance("RSASSA-PSS");
        jdk.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, saltBytes, 1));
        jdk.initVerify(KeyFactory.getInstance("RSA").generatePublic(rsaPublic));
        jdk.update(MESSAGE);
        return jdk.verify(signature);
    }

    private static byte[] key(int label) {
        return bytes(32, label * 31);
    }

    private static byte[] nonce(SealingAlgorithm algorithm) {
        long n = NONCES.incrementAndGet();
        return nonce(algorithm.nonceLengthBytes(), 99, (int) n);
    }

    /** A nonce unique to (thread, round): the bytes the XAES key derivation reads differ too. */
    private static byte[] nonce(int length, int thread, int round) {
        byte[] n = new byte[length];
        n[0] = (byte) thread;
        n[1] = (byte) round;
        n[2] = (byte) (round >>> 8);
        n[3] = (byte) (round >>> 16);
        n[length - 1] = (byte) thread;
        n[length - 2] = (byte) round;
        n[length - 3] = (byte) (round >>> 8);
        n[length - 4] = (byte) (round >>> 16);
        return n;
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
        byte[] framed = new byte[offset + b.length + 5];
        Arrays.fill(framed, (byte) 0xee);
        System.arraycopy(b, 0, framed, offset, b.length);
        return framed;
    }
}
