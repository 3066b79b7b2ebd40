package dev.wafer.spring.security;

import com.nimbusds.jose.JWSObject;
import dev.wafer.Claims;
import dev.wafer.RejectedInputException;
import dev.wafer.TokenVerifier;
import dev.wafer.WaferException;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A resource server's {@link JwtDecoder} on Wafer's {@link TokenVerifier}: for example on
 * {@link dev.wafer.web.RemoteJwks}, the issuer's JWK Set fetched and cached by {@code Cache-Control},
 * refetched on an unknown key id at most once per interval, and kept while the issuer is down.
 *
 * <h2>Security</h2>
 * <p>Wafer verifies first, with its RFC 8725 rules: the algorithm comes from the key, never from
 * the token's header ({@code none}, HMAC confusion and embedded keys are refused); {@code exp} is
 * required; {@code iss} and {@code aud} are checked as configured; the token's size, nesting and
 * text are bounded. Only a verified token's header is then read (with Nimbus, which Spring
 * Security's JOSE support already carries) to fill {@link Jwt#getHeaders()}. A rejected token is a
 * {@link BadJwtException} (a 401 with {@code invalid_token}); a misconfiguration is a
 * {@link JwtException}.
 *
 * @since 0.1
 */
public final class WaferJwtDecoder implements JwtDecoder {
    private final TokenVerifier verifier;

    /**
     * A decoder.
     *
     * @param verifier the verifier
     * @since 0.1
     */
    public WaferJwtDecoder(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * Verifies a token and gives its header and claims.
     *
     * @param token the compact JWS
     * @return the verified token
     * @throws BadJwtException if the token is not valid
     * @throws JwtException if the verifier cannot run (a misconfiguration, an unreachable issuer
     *     at start)
     */
    @Override
    public Jwt decode(String token) {
        Claims claims;
        try {
            claims = verifier.verify(token);
        } catch (RejectedInputException e) {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: " + e.getMessage(), e);
        } catch (WaferException e) {
            throw new JwtException("The token could not be verified: " + e.getMessage(), e);
        }
        Map<String, Object> headers;
        try {
            headers = JWSObject.parse(token).getHeader().toJSONObject();
        } catch (ParseException e) {
            throw new BadJwtException("The token's header does not parse", e); // verified, so not expected
        }
        return Jwt.withTokenValue(token).headers(h -> h.putAll(headers)).claims(c -> c.putAll(toMap(claims))).build();
    }

    /** Claims as Spring Security's {@link Jwt} holds them: times as {@code Instant}s, aud as a list. */
    static Map<String, Object> toMap(Claims claims) {
        Map<String, Object> m = new LinkedHashMap<>(claims.customClaims());
        claims.issuer().ifPresent(v -> m.put("iss", v));
        claims.subject().ifPresent(v -> m.put("sub", v));
        if (!claims.audience().isEmpty()) {
            m.put("aud", claims.audience());
        }
        claims.expiresAt().ifPresent(v -> m.put("exp", v));
        claims.notBefore().ifPresent(v -> m.put("nbf", v));
        claims.issuedAt().ifPresent(v -> m.put("iat", v));
        claims.jwtId().ifPresent(v -> m.put("jti", v));
        return m;
    }

    @Override
    public String toString() {
        return "WaferJwtDecoder[" + verifier + "]";
    }
}
