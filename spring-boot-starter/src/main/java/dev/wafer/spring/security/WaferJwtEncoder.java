package dev.wafer.spring.security;

import com.nimbusds.jose.JWSObject;
import dev.wafer.Claims;
import dev.wafer.TokenSigner;
import dev.wafer.WaferException;
import java.net.URL;
import java.text.ParseException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

/**
 * Spring Security's {@link JwtEncoder} on Wafer's {@link TokenSigner}: tokens signed by the primary
 * key of the application's signing key file (Ed25519 by default), verifiable by any service from
 * the JWK Set the starter publishes.
 *
 * <h2>Security</h2>
 * <p>The key decides the algorithm and the key id. A header that asks for another algorithm or key
 * id, or for header members Wafer does not write ({@code jku}, {@code jwk}, {@code x5u},
 * {@code crit}...), is refused with a {@link JwtEncodingException}, never silently ignored.
 * Wafer's signing rules hold: an {@code exp} is always set (the configured lifetime when the
 * claims have none), and an {@code exp} in the past or beyond the key set's maximum lifetime is
 * refused.
 *
 * @since 0.1
 */
public final class WaferJwtEncoder implements JwtEncoder {
    private static final Set<String> STANDARD = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");
    private static final Set<String> HEADERS = Set.of("alg", "kid", "typ");

    private final TokenSigner signer;

    /**
     * An encoder.
     *
     * @param signer the signer
     * @since 0.1
     */
    public WaferJwtEncoder(TokenSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * Signs the claims.
     *
     * @param parameters the claims, and optionally a header (whose {@code alg} and {@code kid}
     *     must be the signing key's)
     * @return the signed token
     * @throws JwtEncodingException if the header asks for what the key cannot give, or Wafer
     *     refuses the claims
     */
    @Override
    public Jwt encode(JwtEncoderParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        JwsHeader header = parameters.getJwsHeader();
        if (header != null) {
            checkHeader(header);
        }
        String token;
        try {
            token = signer.sign(toClaims(parameters.getClaims()));
        } catch (WaferException | IllegalArgumentException e) {
            throw new JwtEncodingException("An error occurred while attempting to encode the Jwt: " + e.getMessage(), e);
        }
        try {
            JWSObject jws = JWSObject.parse(token);
            String signedWith = jws.getHeader().getAlgorithm().getName();
            if (header != null && header.getAlgorithm() != null && !header.getAlgorithm().getName().equals(signedWith)) {
                throw new JwtEncodingException("The header asks for " + header.getAlgorithm().getName()
                        + ", and the signing key signs " + signedWith + "; the token is discarded");
            }
            Map<String, Object> claims = new LinkedHashMap<>(jws.getPayload().toJSONObject());
            for (String time : new String[] {"exp", "nbf", "iat"}) {
                if (claims.get(time) instanceof Number n) {
                    claims.put(time, Instant.ofEpochSecond(n.longValue()));
                }
            }
            return Jwt.withTokenValue(token).headers(h -> h.putAll(jws.getHeader().toJSONObject()))
                    .claims(c -> c.putAll(claims)).build();
        } catch (ParseException e) {
            throw new JwtEncodingException("The signed token does not parse", e);
        }
    }

    private void checkHeader(JwsHeader header) {
        for (String name : header.getHeaders().keySet()) {
            if (!HEADERS.contains(name)) {
                throw new JwtEncodingException("Wafer does not write the JWS header member '" + name
                        + "': the signing key decides the header (alg, kid, typ)");
            }
        }
        String kid = header.getKeyId();
        if (kid != null && !kid.equals(signer.keyId())) {
            throw new JwtEncodingException("The header asks for key id '" + kid + "', and the signing key is '"
                    + signer.keyId() + "'");
        }
    }

    static Claims toClaims(JwtClaimsSet set) {
        Claims.Builder b = Claims.builder();
        Map<String, Object> all = set.getClaims();
        if (all.get("iss") != null) {
            b.issuer(text(all.get("iss")));
        }
        if (set.getSubject() != null) {
            b.subject(set.getSubject());
        }
        Object aud = all.get("aud");
        if (aud instanceof Collection<?> c) {
            b.audience(c.stream().map(WaferJwtEncoder::text).toArray(String[]::new));
        } else if (aud != null) {
            b.audience(text(aud));
        }
        if (set.getExpiresAt() != null) {
            b.expiresAt(set.getExpiresAt());
        }
        if (set.getNotBefore() != null) {
            b.notBefore(set.getNotBefore());
        }
        if (set.getIssuedAt() != null) {
            b.issuedAt(set.getIssuedAt());
        }
        if (set.getId() != null) {
            b.jwtId(set.getId());
        }
        all.forEach((name, value) -> {
            if (!STANDARD.contains(name)) {
                b.claim(name, value instanceof Instant i ? i.getEpochSecond()
                        : value instanceof Date d ? d.toInstant().getEpochSecond()
                        : value instanceof URL u ? u.toExternalForm() : value);
            }
        });
        return b.build();
    }

    private static String text(Object value) {
        return value instanceof URL u ? u.toExternalForm() : String.valueOf(value);
    }

    @Override
    public String toString() {
        return "WaferJwtEncoder[" + signer + "]";
    }
}
