package dev.wafer.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * Ed25519 public keys derived by the JDK, for checks at import (key generation and PEM parsing use
 * the JDK whatever the provider, as docs/api.md says).
 */
public final class JdkEd25519 {
    /** Bytes of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4). */
    public static final int SPKI_BYTES = 44;
    private static final int KEY_BYTES = 32;

    private JdkEd25519() {
    }

    /**
     * The public key of an Ed25519 seed, computed by the JDK: its key-pair generator draws the
     * 32-byte private key from the random source and derives the public key from it (RFC 8032
     * §5.1.5), so a source that yields exactly the known seed makes it derive that seed's public
     * key. The result is used only if the generated private key is the known one; otherwise
     * (another JDK, a restricted runtime) it is empty.
     *
     * @param seed the 32-byte private key; not modified
     * @return the 32-byte public key, or empty if the JDK cannot derive it
     */
    public static Optional<byte[]> derivePublicKey(byte[] seed) {
        byte[] generated = null;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new OneShotRandom(seed));
            KeyPair pair = g.generateKeyPair();
            generated = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(null);
            if (generated == null || !MessageDigest.isEqual(generated, seed)) {
                return Optional.empty();
            }
            byte[] spki = pair.getPublic().getEncoded();
            if (spki.length != SPKI_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Arrays.copyOfRange(spki, SPKI_BYTES - KEY_BYTES, SPKI_BYTES));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        } finally {
            if (generated != null) {
                Arrays.fill(generated, (byte) 0);
            }
        }
    }

    /** Yields one given 32-byte value, once; anything else is refused, so no other value goes unnoticed. */
    private static final class OneShotRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] value;
        private transient boolean used;

        OneShotRandom(byte[] value) {
            this.value = value;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (used || value == null || bytes.length != value.length) {
                throw new IllegalStateException("the Ed25519 generator asked for other random bytes");
            }
            used = true;
            System.arraycopy(value, 0, bytes, 0, value.length);
        }
    }
}
