package dev.wafer.provider.tink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.XAesGcmKey;
import com.google.crypto.tink.aead.XAesGcmParameters;
import com.google.crypto.tink.aead.subtle.XAesGcmAead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import dev.wafer.conformance.TestJson;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.RsaPrivateKeyMaterial;
import dev.wafer.spi.RsaPublicKeyMaterial;
import dev.wafer.spi.SignerEngine;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Tink provider's engines, one by one, against the JDK, Tink's own primitives and RFC vectors. */
/**
 * What is particular to the Tink provider: its names and priorities, its refusal of GCM-SIV without
 * Conscrypt, and that its engines write exactly what Tink's own primitives write (AES-GCM, X-AES-GCM,
 * RS256). The engine contract, the vectors and every other suite run in {@link TinkConformanceTest}.
 */
class TinkProviderTest {
    private static final int NONCE_BYTES = 24;

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
    void listsEveryAlgorithmButGcmSivWithoutAJceProviderThatOffersIt() {
        assertEquals(Set.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM,
                SigningAlgorithm.ED25519, SigningAlgorithm.RS256, SigningAlgorithm.PS256), provider.algorithms());
    }

    @Test
    void namesItselfTinkWithPriority90AndTinksVersion() {
        assertEquals("tink", provider.name());
        assertEquals(90, provider.priority());
        assertEquals("wafer-provider-tink 1.24.0", provider.version());
        assertEquals(com.google.crypto.tink.Version.TINK_VERSION, provider.version().substring("wafer-provider-tink ".length()));
    }

    @Test
    void declaresItsProvisionalPerAlgorithmPriorities() {
        assertEquals(100, provider.priority(SealingAlgorithm.AES_256_GCM));
        assertEquals(80, provider.priority(SealingAlgorithm.XAES_256_GCM));
        assertEquals(150, provider.priority(SigningAlgorithm.ED25519));
        assertEquals(80, provider.priority(SigningAlgorithm.RS256));
        assertEquals(80, provider.priority(SigningAlgorithm.PS256));
        assertEquals(90, provider.priority(SealingAlgorithm.AES_256_GCM_SIV));
    }

    @Test
    void refusesGcmSivSayingWhyAndNamingTheProviderThatHasIt() {
        NoSuchAlgorithmException e = assertThrows(NoSuchAlgorithmException.class,
                () -> provider.newAeadEngine(SealingAlgorithm.AES_256_GCM_SIV, new byte[32]));
        assertEquals("AES-256-GCM-SIV is not available in the Tink provider: Tink needs a JCE provider with"
                + " AES/GCM-SIV/NoPadding (Conscrypt, installed with Security.insertProviderAt), and this runtime"
                + " has none; add wafer-provider-bc", e.getMessage());
    }

    @Test
    void aesGcmIsTinksAesGcmJceWithTheNonceWaferChooses() throws GeneralSecurityException {
        // Tink's public AES-GCM writes IV || ct || tag with an IV of its own: the same function.
        byte[] nonce = nonce(SealingAlgorithm.AES_256_GCM);
        byte[] aad = bytes(5, 4);
        AeadEngine engine = provider.newAeadEngine(SealingAlgorithm.AES_256_GCM, key(9));
        byte[] sealed = new byte[50 + TAG_BYTES];
        engine.seal(nonce, 0, aad, 0, 5, bytes(50, 6), 0, 50, sealed, 0);
        AesGcmJce tink = new AesGcmJce(key(9));

        assertArrayEquals(bytes(50, 6), tink.decrypt(concat(nonce, sealed), aad));
        byte[] tinkSealed = tink.encrypt(bytes(50, 6), aad);
        byte[] opened = new byte[50];
        engine.open(tinkSealed, 0, aad, 0, 5, tinkSealed, 12, tinkSealed.length - 12, opened, 0);
        assertArrayEquals(bytes(50, 6), opened);
    }

    @Test
    void signsEd25519ExactlyAsTheJdkDoesAndCopiesTheSeed() throws GeneralSecurityException {
        byte[] seed = bytes(32, 77);
        SignerEngine signer = provider.newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(seed));
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
    void rs256IsDeterministicAndByteIdenticalToTheBareJdk() throws GeneralSecurityException {
        SignerEngine signer = provider.newSigner(SigningAlgorithm.RS256, new RsaPrivateKeyMaterial(rsaPrivate));
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
        assertThrows(SignatureException.class, () -> provider.newVerifier(SigningAlgorithm.RS256, new RsaPublicKeyMaterial(rsaPublic))
                .verify(signature, MESSAGE, 0, MESSAGE.length));
    }

    @Test
    void refusesRsaPublicExponentsTinkRefuses() {
        // The api's floor already refuses e < 65537 and even e; Tink refuses them too, and e > 2^256.
        for (BigInteger e : new BigInteger[] {BigInteger.valueOf(3), BigInteger.valueOf(65538), BigInteger.TWO.pow(256).add(BigInteger.ONE)}) {
            RSAPublicKeySpec key = new RSAPublicKeySpec(rsaPublic.getModulus(), e);
            assertThrows(GeneralSecurityException.class, () -> provider.newVerifier(SigningAlgorithm.RS256, new RsaPublicKeyMaterial(key)), e::toString);
            assertThrows(GeneralSecurityException.class, () -> provider.newVerifier(SigningAlgorithm.PS256, new RsaPublicKeyMaterial(key)), e::toString);
        }
    }
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void tinksOwnXAesGcmOpensTheSpecVector(String note, Map<String, Object> v) throws GeneralSecurityException {
        // Tink's output is salt (12) || IV (12) || ct || tag: the spec's nonce, then its ciphertext.
        byte[] aad = ascii(v, "aadAscii");
        byte[] tinkFormat = concat(hex(v, "nonce"), hex(v, "ciphertext"));

        assertArrayEquals(ascii(v, "plaintextAscii"), tinkXaes(hex(v, "key")).decrypt(tinkFormat, aad));
        tinkFormat[tinkFormat.length - 1] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> tinkXaes(hex(v, "key")).decrypt(tinkFormat, aad));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void opensWhatTinksOwnXAesGcmSealsUnderItsRandomNonce(String note, Map<String, Object> v)
            throws GeneralSecurityException {
        byte[] plaintext = ascii(v, "plaintextAscii");
        byte[] aad = ascii(v, "aadAscii");
        byte[] tinkFormat = tinkXaes(hex(v, "key")).encrypt(plaintext, aad);
        byte[] opened = new byte[plaintext.length];

        assertEquals(NONCE_BYTES + plaintext.length + TAG_BYTES, tinkFormat.length);
        engine(v).open(tinkFormat, 0, aad, 0, aad.length, tinkFormat, NONCE_BYTES, tinkFormat.length - NONCE_BYTES,
                opened, 0);

        assertArrayEquals(plaintext, opened);
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

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> vectors() {
        return ((List<Map<String, Object>>) TestJson.resource("/vectors/c2sp/xaes_256_gcm.json").get("vectors")).stream()
                .map(v -> Arguments.of(v.get("note"), v));
    }

    private static byte[] hex(Map<String, Object> v, String name) {
        return TestJson.hex(v.get(name));
    }

    private static byte[] ascii(Map<String, Object> v, String name) {
        return ((String) v.get(name)).getBytes(StandardCharsets.US_ASCII);
    }

    private AeadEngine engine(Map<String, Object> v) throws GeneralSecurityException {
        return provider.newAeadEngine(SealingAlgorithm.XAES_256_GCM, hex(v, "key"));
    }

    /** Tink's X-AES-GCM through its public API: 12-byte salt (the spec's N[0:12]), no output prefix. */
    private static Aead tinkXaes(byte[] key) throws GeneralSecurityException {
        XAesGcmParameters parameters = XAesGcmParameters.create(XAesGcmParameters.Variant.NO_PREFIX, 12);
        return XAesGcmAead.create(XAesGcmKey.create(parameters,
                SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()), null));
    }

    private static boolean jdkVerifiesPss(byte[] signature, int saltBytes) throws GeneralSecurityException {
        Signature jdk = Signature.getInstance("RSASSA-PSS");
        jdk.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, saltBytes, 1));
        jdk.initVerify(KeyFactory.getInstance("RSA").generatePublic(rsaPublic));
        jdk.update(MESSAGE);
        return jdk.verify(signature);
    }
}
