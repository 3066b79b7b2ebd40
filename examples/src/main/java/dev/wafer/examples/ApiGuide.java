package dev.wafer.examples;

import dev.wafer.Claims;
import dev.wafer.ConfigurationException;
import dev.wafer.CookieSealer;
import dev.wafer.KeyChange;
import dev.wafer.KeyFiles;
import dev.wafer.LimitExceededException;
import dev.wafer.MasterKey;
import dev.wafer.OpenedValue;
import dev.wafer.RejectedInputException;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.UnknownKeyIdException;
import dev.wafer.VerificationKeySet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The snippets of docs/api.md, each between its markers word for word (ApiGuideTest checks, and
 * runs each one).
 */
public final class ApiGuide {
    private ApiGuide() {
    }

    /** What a request handler has: the cookie's value, and a way to set a new one. */
    interface Response {
        void setCookie(String name, String value);
    }

    static Optional<String> session(CookieSealer sealer, String cookieValue, Response response) {
        // SNIPPET-BEGIN open-and-reseal
        SealContext session = SealContext.of("session");          // the cookie's name: a value opens for it alone
        try {
            OpenedValue v = sealer.open(cookieValue, session);
            if (v.shouldReseal()) {                               // sealed under an older key, or close to expiry
                response.setCookie("session", sealer.seal(v.bytes(), session));
            }
            return Optional.of(v.text());                         // strict UTF-8: bytes() for binary values
        } catch (RejectedInputException e) {                      // tampered, expired, foreign: not signed in
            return Optional.empty();
        }
        // SNIPPET-END open-and-reseal
    }

    static String role(TokenVerifier verifier, String token) {
        // SNIPPET-BEGIN read-claims
        Claims claims = verifier.verify(token);                   // signature, exp, nbf, iss, aud, typ checked
        String user = claims.subject().orElseThrow();
        List<String> audience = claims.audience();
        String role = claims.getString("role").orElse("user");   // InvalidTokenException if not a string
        long tenant = claims.getLong("tenant").orElse(0L);
        // SNIPPET-END read-claims
        return user + " " + audience + " " + role + " " + tenant;
    }

    /** The HTTP status a web application answers with for each branch of Wafer's exceptions. */
    static int status(Runnable request) {
        // SNIPPET-BEGIN http-mapping
        try {
            request.run();
            return 200;
        } catch (RejectedInputException e) {   // the client sent something Wafer refused: it is not signed in
            return 401;                         // or: drop the cookie and start a fresh anonymous session
        } catch (LimitExceededException e) {   // the application asked to seal too much, or for too long
            return 500;                         // a bug in the caller: fix the code, do not retry
        } catch (ConfigurationException e) {   // keys, key files, providers: the deployment is wrong
            return 503;                         // fail the readiness check; never a 4xx
        }
        // SNIPPET-END http-mapping
    }

    static Claims verifyWithRefetch(Supplier<String> fetchJwks, String token) {
        // SNIPPET-BEGIN jwks-refetch
        TokenVerifier verifier = TokenVerifier.builder(VerificationKeySet.fromJwkSet(fetchJwks.get()))
                .issuer("https://login.example").audience("api").build();
        try {
            return verifier.verify(token);
        } catch (UnknownKeyIdException e) {     // the issuer may have rotated: refetch once, then decide
            return verifier.withKeys(VerificationKeySet.fromJwkSet(fetchJwks.get())).verify(token);
        }                                       // any other InvalidTokenException is final: no refetch
        // SNIPPET-END jwks-refetch
    }

    static CookieSealer rotate(Path keyFile, MasterKey master, CookieSealer sealer) throws IOException {
        // SNIPPET-BEGIN rotate-key-file
        KeyFiles files = KeyFiles.create();                       // remembers each file's generation
        SealingKeySet current = files.readSealingKeySet(keyFile, master);
        KeyChange<SealingKeySet> change = current.rotate();       // a new primary; the old key keeps opening
        KeyFiles.write(keyFile, files.seal(change.keySet().toJwkSet(), master, files.nextGeneration(keyFile, master)),
                KeyFiles.Overwrite.REPLACE);                      // atomic and durable; owner-only permissions
        CookieSealer rotated = sealer.withKeys(files.readSealingKeySet(keyFile, master));
        // SNIPPET-END rotate-key-file
        return rotated;
    }

    /** A decorator: sealers, signers and verifiers are interfaces. */
    // SNIPPET-BEGIN decorate
    static final class CountingSealer implements CookieSealer {
        private final CookieSealer delegate;
        final AtomicLong rejected = new AtomicLong();

        CountingSealer(CookieSealer delegate) {
            this.delegate = delegate;
        }

        @Override
        public OpenedValue open(String sealed, SealContext context) {
            try {
                return delegate.open(sealed, context);
            } catch (RejectedInputException e) {
                rejected.incrementAndGet();                       // a metric: a spike means tampering or a bad rollout
                throw e;
            }
        }

        @Override public String seal(String value, SealContext context) { return delegate.seal(value, context); }
        @Override public String seal(String value, SealContext context, Duration lifetime) { return delegate.seal(value, context, lifetime); }
        @Override public String seal(byte[] value, SealContext context) { return delegate.seal(value, context); }
        @Override public String seal(byte[] value, SealContext context, Duration lifetime) { return delegate.seal(value, context, lifetime); }
        @Override public CookieSealer withKeys(SealingKeySet keys) { return new CountingSealer(delegate.withKeys(keys)); }
        @Override public SealingKeySet keys() { return delegate.keys(); }
        @Override public int maxCookieBytes() { return delegate.maxCookieBytes(); }
    }
    // SNIPPET-END decorate

    static TokenSigner signer(SigningKeySet keys) {
        // SNIPPET-BEGIN build-once
        // At start-up, once; then share across threads (immutable, thread-safe).
        TokenSigner signer = TokenSigner.builder(keys).issuer("https://login.example").build();
        // SNIPPET-END build-once
        return signer;
    }
}
