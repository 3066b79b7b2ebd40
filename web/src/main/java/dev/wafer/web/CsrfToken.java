package dev.wafer.web;

import java.util.Objects;

/**
 * The CSRF token a page sends back with its unsafe requests: put it in a hidden form field named
 * {@link #formField()}, or in the header {@link #header()}.
 *
 * <pre>{@code
 * <input type="hidden" name="_csrf" value="...">       <!-- token.value() -->
 * }</pre>
 *
 * @param value the token, unpadded base64url: safe in HTML attributes and headers unescaped
 * @param header the request header that carries it, {@value CsrfPolicy#HEADER}
 * @param formField the form field that carries it, {@value CsrfPolicy#FORM_FIELD}
 * @since 0.1
 */
public record CsrfToken(String value, String header, String formField) {
    /**
     * Validates.
     *
     * @param value the token
     * @param header the header name
     * @param formField the field name
     */
    public CsrfToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(formField, "formField");
    }
}
