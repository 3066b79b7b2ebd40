package dev.wafer.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;

/** What every benchmark shares: the payloads, the token's claims, the signing input, the keys' sizes. */
final class Fixtures {
    /** The cookie name every sealing benchmark binds its values to. */
    static final String COOKIE = "session";
    static final Duration SEAL_TTL = Duration.ofHours(1);

    /** The five claims of every token: iss, sub, aud, and exp and iat from the clock. */
    static final String ISSUER = "https://login.example";
    static final String SUBJECT = "42";
    static final String AUDIENCE = "api";
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    /** Tokens verified by the benchmarks outlive the longest run. */
    static final Duration VERIFIED_TOKEN_LIFETIME = Duration.ofDays(1);
    static final String KEY_ID = "bench-1";

    static final int RSA_BITS = 2048;

    /** Distinct values each open benchmark cycles through (a power of two; see {@link Cursor}). */
    static final int RING = 16;

    private Fixtures() {
    }

    /** A payload of {@code n} bytes, the same in every fork, shaped like a cookie value (printable ASCII). */
    static byte[] payload(int n) {
        SplittableRandom r = new SplittableRandom(n);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (0x21 + r.nextInt(0x7e - 0x21));
        }
        return b;
    }

    /**
     * A JWS signing input shaped like the tokens every implementation here produces: a header with
     * alg, typ and kid, then the five claims; what the bare primitives sign and verify.
     */
    static byte[] signingInput(String jwsAlg) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"" + jwsAlg + "\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + SUBJECT + "\",\"aud\":\"" + AUDIENCE
                + "\",\"exp\":" + (now + TOKEN_LIFETIME.getSeconds()) + ",\"iat\":" + now + "}";
        return (b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
    }

    static KeyPair rsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4), new SecureRandom());
        return g.generateKeyPair();
    }

    static KeyPair ed25519KeyPair() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
}
