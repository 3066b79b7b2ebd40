package dev.wafer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wafer.Algorithm;
import dev.wafer.Claims;
import dev.wafer.FuzzProviders;
import dev.wafer.InvalidTokenException;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.TokenVerifier;
import dev.wafer.VerificationKey;
import dev.wafer.VerificationKeySet;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Jws;
import dev.wafer.provider.bc.BcProvider;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.PrivateKeyMaterial;
import dev.wafer.spi.PublicKeyMaterial;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SignatureException;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Parsing the claims of a token whose signature is valid: the fuzzed bytes are the JWS payload,
 * signed with {@link Jws#sign}, so that every input reaches the claims JSON and the checks on it.
 */
class ClaimsFuzzTest {
    private static final String KID = "fuzz";
    private static final String HEADER = Base64Url.encode(("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}")
            .getBytes(StandardCharsets.UTF_8));

    // ---- with a real Ed25519: BouncyCastle's, which the default choice takes when installed ----
    // (about 0.12 ms a token signed and verified; the JDK's takes 1.4 ms on JDK 17, too slow to
    // reach ten million inputs in a working day)

    private static final SigningKey ED25519 = Fuzzing.SIGNING_KEYS.keys().stream()
            .filter(k -> k.algorithm() == SigningAlgorithm.ED25519).findFirst().orElseThrow();
    private static final String ED25519_HEADER = Base64Url.encode(("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\""
            + ED25519.keyId() + "\"}").getBytes(StandardCharsets.UTF_8));
    private static final SignerEngine ED25519_SIGNER = ed25519Signer();
    private static final TokenVerifier ED25519_VERIFIER = TokenVerifier.builder(VerificationKeySet.of(ED25519.publicKey())).engines(Wafer.engines("bc")).anyIssuer()
            .clock(Fuzzing.CLOCK).requireExpiry(false).maxTokenLength(1 << 20).build();

    private static SignerEngine ed25519Signer() {
        String jwks = Fuzzing.resource("test-signing-keys.jwks.json");
        String d = jwks.substring(jwks.indexOf("\"d\":\"") + 5);
        try {
            return new BcProvider().newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(Base64Url.decode(d.substring(0, d.indexOf('"')))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Through {@code TokenVerifier.verify} with a real Ed25519 signature: claims or {@link InvalidTokenException}. */
    @FuzzTest
    void verifyClaimsSignedWithEd25519(byte[] payload) {
        String token = Jws.sign(ED25519_SIGNER, ED25519_HEADER, payload);
        Fuzzing.expect(payload, () -> ED25519_VERIFIER.verify(token).toString(), InvalidTokenException.class);
    }

    // ---- with a stand-in signature, for speed: the same api code, a cheap engine --------------

    /**
     * An "Ed25519" engine that signs with HMAC-SHA-256 under a fixed key. Only the engine is a
     * stand-in: {@code Jws} and {@code TokenVerifier} run exactly as in production, at about a
     * hundred times the speed of the JDK's Ed25519.
     */
    private static final class StandInProvider implements WaferProvider {
        private static final byte[] MAC_KEY = "wafer fuzzing stand-in signature key".getBytes(StandardCharsets.US_ASCII);

        /** A canonical R of order L (RFC 8032 TEST 1's), so that the api's encoding checks pass. */
        private static final byte[] R = java.util.HexFormat.of().parseHex(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155");

        /** R, then an HMAC-SHA-256 as S with its top four bits cleared, so that S < 2^252 < L. */
        private static byte[] mac(byte[] data, int off, int len) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(MAC_KEY, "HmacSHA256"));
            mac.update(data, off, len);
            byte[] signature = java.util.Arrays.copyOf(R, 64);
            System.arraycopy(mac.doFinal(), 0, signature, 32, 32);
            signature[63] &= 0x0f;
            return signature;
        }

        @Override
        public String spiVersion() {
            return SPI_VERSION;
        }

        @Override
        public String name() {
            return "stand-in";
        }

        @Override
        public String version() {
            return "fuzzing only";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public Set<Algorithm> algorithms() {
            return Set.of(SigningAlgorithm.ED25519);
        }

        @Override
        public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
            throw new NoSuchAlgorithmException("stand-in signs only");
        }

        @Override
        public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
            if (algorithm != SigningAlgorithm.ED25519) {
                throw new NoSuchAlgorithmException("stand-in has no RSA");
            }
            return new SignerEngine() {
                @Override
                public SigningAlgorithm algorithm() {
                    return SigningAlgorithm.ED25519;
                }

                @Override
                public byte[] sign(byte[] data, int off, int len) throws GeneralSecurityException {
                    return mac(data, off, len);
                }
            };
        }

        @Override
        public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
            if (algorithm != SigningAlgorithm.ED25519) {
                throw new NoSuchAlgorithmException("stand-in has no RSA");
            }
            return new VerifierEngine() {
                @Override
                public SigningAlgorithm algorithm() {
                    return SigningAlgorithm.ED25519;
                }

                @Override
                public void verify(byte[] signature, byte[] data, int off, int len) throws GeneralSecurityException {
                    if (!MessageDigest.isEqual(signature, mac(data, off, len))) {
                        throw new SignatureException("stand-in signature does not verify");
                    }
                }
            };
        }
    }

    private static final StandInProvider STAND_IN = new StandInProvider();

    private static SignerEngine standInSigner() {
        try {
            return STAND_IN.newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(new byte[32]));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
    private static final SignerEngine STAND_IN_SIGNER = standInSigner();
    private static final WaferEngines STAND_IN_PROVIDER = FuzzProviders.withoutSelfTest(STAND_IN);
    private static final VerificationKeySet STAND_IN_KEYS = VerificationKeySet.of(VerificationKey.ed25519(KID,
            java.util.HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")));
    private static final TokenVerifier STRICT = TokenVerifier.builder(STAND_IN_KEYS).engines(STAND_IN_PROVIDER).clock(Fuzzing.CLOCK)
            .issuer("https://login.example").audience("api").maxTokenLength(1 << 20).build();
    private static final TokenVerifier LAX = TokenVerifier.builder(STAND_IN_KEYS).engines(STAND_IN_PROVIDER).anyIssuer().clock(Fuzzing.CLOCK)
            .requireExpiry(false).maxTokenLength(1 << 20).build();

    /**
     * Through {@code TokenVerifier.verify} with a stand-in signature: claims or
     * {@link InvalidTokenException}; the claims read back give the accessors' typed answers only.
     */
    @FuzzTest
    void verifyClaims(byte[] payload) {
        String token = Jws.sign(STAND_IN_SIGNER, HEADER, payload);
        for (TokenVerifier verifier : new TokenVerifier[] {STRICT, LAX}) {
            Fuzzing.expect(payload, () -> {
                Claims claims = verifier.verify(token);
                claims.toString();
                claims.hashCode();
                for (String name : claims.customClaims().keySet()) {
                    claims.get(name);
                    try {
                        claims.getString(name);
                        claims.getLong(name);
                    } catch (InvalidTokenException wrongType) {
                        // documented for a claim of another type
                    }
                }
            }, InvalidTokenException.class);
        }
    }
}
