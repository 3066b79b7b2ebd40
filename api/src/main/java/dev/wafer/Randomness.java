package dev.wafer;

import java.security.SecureRandom;

/** The one source of randomness for keys and nonces. */
final class Randomness {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Randomness() {
    }

    static SecureRandom secureRandom() {
        return RANDOM;
    }
}
