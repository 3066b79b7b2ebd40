package dev.wafer.spi;

import dev.wafer.Algorithm;
import java.security.GeneralSecurityException;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Set;

/**
 * A crypto engine for Wafer: the JDK, BouncyCastle or Tink, found with {@link java.util.ServiceLoader}.
 *
 * <h2>Contract</h2>
 * <p>Implementations have a public no-argument constructor, are thread-safe, and do no work in
 * the constructor that can fail (Wafer calls {@link #algorithms()} before it uses one). Engines
 * they return are thread-safe: they may keep per-thread state (a {@code Cipher} per thread, as
 * Tink's {@code AesGcmJce} does) but never share mutable state between threads. Every
 * {@code new...} method copies the key material it is given; the caller may wipe its arrays.
 *
 * <p>A provider asked for an algorithm it does not list in {@link #algorithms()} throws
 * {@link java.security.NoSuchAlgorithmException}; it never substitutes another algorithm.
 *
 * @since 0.1
 */
public interface WaferProvider {

    /**
     * The provider's short name, lower case, used to choose it ({@code Wafer.provider("jca")},
     * system property {@code wafer.provider}).
     *
     * @return the name, for example {@code jca}, {@code bc} or {@code tink}
     * @since 0.1
     */
    String name();

    /**
     * The provider's version, for reports.
     *
     * @return a version string, for example the artifact version and its engine's version
     * @since 0.1
     */
    String version();

    /**
     * How strongly this provider should be preferred when several are present and the user pins
     * none: the highest wins; ties are broken by {@link #name()}, never by class-path order.
     *
     * @return the priority
     * @since 0.1
     */
    int priority();

    /**
     * How strongly this provider should be preferred for one algorithm when several providers
     * are installed and the user pins none: no engine is best at everything (BouncyCastle's
     * Ed25519 signs far faster than the JDK's; the JDK's AES-GCM, with AES-NI, far faster than
     * BouncyCastle's pure-Java GCM). Values should be backed by the benchmarks in
     * {@code benchmarks/}. Ties are broken by {@link #name()}.
     *
     * @param algorithm an algorithm this provider lists
     * @return the priority for that algorithm; {@link #priority()} by default
     * @since 0.1
     */
    default int priority(Algorithm algorithm) {
        return priority();
    }

    /**
     * The algorithms this provider implements, as they are on this runtime.
     *
     * @return an immutable set, possibly empty
     * @since 0.1
     */
    Set<Algorithm> algorithms();

    /**
     * Creates an AEAD engine for one 256-bit key.
     *
     * @param algorithm a sealing algorithm this provider lists
     * @param key the 32 key bytes; copied
     * @return a thread-safe engine
     * @throws GeneralSecurityException if the algorithm is not provided or the key is refused
     * @since 0.1
     */
    AeadEngine newAeadEngine(Algorithm algorithm, byte[] key) throws GeneralSecurityException;

    /**
     * Creates an Ed25519 signer (RFC 8032 §5.1.6). The engine derives the public key from the seed
     * itself, so a mismatched public key can never be mixed into a signature.
     *
     * @param seed the 32-byte private key (RFC 8032 §5.1.5); copied
     * @return a thread-safe engine
     * @throws GeneralSecurityException if Ed25519 is not provided or the key is refused
     * @since 0.1
     */
    SignerEngine newEd25519Signer(byte[] seed) throws GeneralSecurityException;

    /**
     * Creates an Ed25519 verifier (RFC 8032 §5.1.7).
     *
     * @param publicKey the 32-byte encoded public key (RFC 8032 §5.1.2); copied
     * @return a thread-safe engine
     * @throws GeneralSecurityException if Ed25519 is not provided or the key is not a valid encoding
     * @since 0.1
     */
    VerifierEngine newEd25519Verifier(byte[] publicKey) throws GeneralSecurityException;

    /**
     * Creates an RSA signer for {@link Algorithm#RS256} or {@link Algorithm#PS256} (RFC 8017 §8).
     *
     * @param algorithm {@code RS256} or {@code PS256}
     * @param key the private key in CRT form; its size was checked by the api (at least 2048 bits)
     * @return a thread-safe engine
     * @throws GeneralSecurityException if the algorithm is not provided or the key is refused
     * @since 0.1
     */
    SignerEngine newRsaSigner(Algorithm algorithm, RSAPrivateCrtKeySpec key) throws GeneralSecurityException;

    /**
     * Creates an RSA verifier for {@link Algorithm#RS256} or {@link Algorithm#PS256} (RFC 8017 §8).
     *
     * @param algorithm {@code RS256} or {@code PS256}
     * @param key the public key; its size and exponent were checked by the api
     * @return a thread-safe engine
     * @throws GeneralSecurityException if the algorithm is not provided or the key is refused
     * @since 0.1
     */
    VerifierEngine newRsaVerifier(Algorithm algorithm, RSAPublicKeySpec key) throws GeneralSecurityException;
}
