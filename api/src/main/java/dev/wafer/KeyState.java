package dev.wafer;

/**
 * Where a key is in its life. Keys move forward only: {@code PENDING → PRIMARY → ACTIVE → RETIRED}
 * (a new key may also start as {@code PRIMARY}, through {@code rotate()}).
 *
 * @since 0.1
 */
public enum KeyState {
    /**
     * Deployed but not yet used for new values: it opens (sealing) or verifies (signing, and it is
     * published in the public JWK Set), so that every instance and verifier knows it before the
     * first value under it arrives.
     */
    PENDING,
    /** The one key that seals or signs new values; it also opens and verifies. */
    PRIMARY,
    /** No longer primary: it only opens or verifies, and values it opens are flagged for resealing. */
    ACTIVE,
    /** Kept for the record only: it neither seals, signs, opens nor verifies, and is not published. */
    RETIRED;

    /**
     * The name of this state in a key file ({@code wafer_state}).
     *
     * @return the lower-case name
     * @since 0.1
     */
    public String jwkName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static KeyState fromJwkName(String name) {
        for (KeyState s : values()) {
            if (s.jwkName().equals(name)) {
                return s;
            }
        }
        throw new KeyException("unknown key state; expected pending, primary, active or retired");
    }
}
