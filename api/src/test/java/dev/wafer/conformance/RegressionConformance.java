package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.InvalidTokenException;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Json;
import dev.wafer.spi.EncodedPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs that the hostile-input work of issue 5 (fuzzing, property tests, reading) found to break
 * Wafer, replayed through the public API on every provider. docs/fuzzing.md lists the findings.
 */
public abstract class RegressionConformance extends ProviderUnderTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SigningKeySet KEYS = SigningKeySet.generate();

    private TokenVerifier verifier() {
        return TokenVerifier.builder(KEYS.publicKeys()).engines(provider()).anyIssuer().clock(CLOCK).build();
    }

    /**
     * Finding 1: a token header that jackson-core takes for UTF-32 made {@code verify} throw
     * {@code java.io.UncheckedIOException}, before any signature check.
     */
    @Test
    void aTokenHeaderThatIsNotUtf8IsAnInvalidTokenException() {
        TokenVerifier verifier = verifier();
        for (String hex : List.of("0000007b7fffffff", "7b000000ffffff7f", "0000007b0000", "007b007d", "0000007b0000007d")) {
            String token = Base64Url.encode(HexFormat.of().parseHex(hex)) + ".e30.AAAA";
            try {
                verifier.verify(token);
                fail("header " + hex + " was accepted");
            } catch (InvalidTokenException expected) {
                // the one answer for a bad token
            } catch (RuntimeException e) {
                fail("header " + hex + " escaped verify as " + e, e);
            }
        }
    }

    /** Finding 1, behind a valid signature: claims that are not UTF-8 JSON. */
    @Test
    void claimsThatAreNotUtf8AreAnInvalidTokenException() throws Exception {
        String jwks = KEYS.toJwkSet();
        String d = jwks.substring(jwks.indexOf("\"d\":\"") + 5);
        byte[] seed = Base64Url.decode(d.substring(0, d.indexOf('"')));
        String header = Base64Url.encode(("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + KEYS.primary().keyId() + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TokenVerifier verifier = verifier();
        for (String hex : List.of("0000007b7fffffff", "0000007b0000")) {
            String token = dev.wafer.internal.Jws.sign(spi().newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(seed)), header, HexFormat.of().parseHex(hex));
            try {
                verifier.verify(token);
                fail("claims " + hex + " were accepted");
            } catch (InvalidTokenException expected) {
                // typed
            } catch (RuntimeException e) {
                fail("claims " + hex + " escaped verify as " + e, e);
            }
        }
    }

    /**
     * Finding 2: an unpaired surrogate in a cookie name or purpose was encoded as {@code '?'}, so
     * a value sealed for one context opened as another.
     */
    @Test
    void aValueSealedForAContextWithAnUnpairedSurrogateOpensForNoOtherContext() {
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(provider()).clock(CLOCK).build();
        String sealed;
        try {
            sealed = sealer.seal("user=42", SealContext.of("a\ud800"), Duration.ofMinutes(5));
        } catch (IllegalArgumentException refused) {
            return; // such a context is refused outright: nothing to confuse
        }
        assertThrows(InvalidSealedValueException.class, () -> sealer.open(sealed, SealContext.of("a?")));
        assertThrows(InvalidSealedValueException.class, () -> sealer.open(sealed, SealContext.of("a\udc00")));
    }

    /**
     * Finding 4: a signer must not write a token that every Wafer verifier with default limits
     * refuses to read: claims beyond the JSON bounds ({@value Json#MAX_VALUES} values, nesting
     * {@value Json#MAX_DEPTH}) are refused when signing, with {@link IllegalArgumentException}.
     */
    @Test
    void theSignerRefusesClaimsThatItsVerifierWouldReject() {
        TokenSigner signer = TokenSigner.builder(KEYS).engines(provider()).clock(CLOCK).build();
        TokenVerifier verifier = TokenVerifier.builder(KEYS.publicKeys()).engines(provider()).anyIssuer().clock(CLOCK).maxTokenLength(1 << 20).build();
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < Json.MAX_VALUES; i++) {
            many.add(i);
        }
        Object deep = "x";
        for (int i = 0; i < 16; i++) {
            deep = List.of(deep);
        }
        for (Claims claims : List.of(Claims.builder().claim("many", many).build(), Claims.builder().claim("deep", deep).build())) {
            String token;
            try {
                token = signer.sign(claims);
            } catch (IllegalArgumentException refused) {
                continue; // refused when signing: the documented outcome
            }
            try {
                verifier.verify(token);
            } catch (InvalidTokenException e) {
                fail("the signer wrote a token its own verifier rejects: " + e.getMessage());
            }
        }
    }
}
