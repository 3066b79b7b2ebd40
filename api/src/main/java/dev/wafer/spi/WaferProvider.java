package dev.wafer.spi;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * A crypto engine for Wafer: the JDK, BouncyCastle or Tink, found with {@link java.util.ServiceLoader}.
 *
 * <h2>Contract</h2>
 * <p>Implementations have a public no-argument constructor, are thread-safe, and do no work in
 * the constructor that can fail (Wafer calls {@link #spiVersion()} and {@link #algorithms()} before
 * it uses one). Engines they return are thread-safe: they may keep per-thread state (a
 * {@code Cipher} per thread, as Tink's {@code AesGcmJce} does) but never share mutable state
 * between threads. Every {@code new...} method copies the key material it is given; the caller
 * may wipe it.
 *
 * <p>A provider asked for an algorithm it does not list in {@link #algorithms()} throws
 * {@link java.security.NoSuchAlgorithmException}; it never substitutes another algorithm. The api
 * has validated every key before a provider sees it (sizes, exponents, Ed25519 encodings), and
 * checks every length before it calls an engine.
 *
 * <h2>Versions</h2>
 * <p>{@link #spiVersion()} returns {@link #SPI_VERSION} as the provider was compiled: the constant
 * is inlined into the provider's class file, so the api learns which SPI the provider was built
 * for (as SLF4J's {@code getRequestedApiVersion} tells it). A provider built for another major
 * version, or for a newer minor version (which may use support classes this api lacks), is
 * skipped with a warning, and named in {@code Wafer.report()}, instead of failing later
 * with a {@code LinkageError}.
 *
 * @since 0.1
 */
public interface WaferProvider {

    /**
     * The version of this SPI: major.minor. A provider returns it from {@link #spiVersion()}.
     * The major changes when a method is added without a default or changes its meaning.
     *
     * @since 0.1
     */
    String SPI_VERSION = "1.0";

    /**
     * The SPI version this provider was compiled against: return {@link #SPI_VERSION}, whose value
     * the compiler copies into the provider.
     *
     * @return for example {@code 1.0}
     * @since 0.1
     */
    String spiVersion();

    /**
     * The provider's short name, lower case, used to choose it ({@code Wafer.engines("jca")},
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
    AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException;

    /**
     * Creates a signer for one private key. An Ed25519 engine (RFC 8032 §5.1.6) gets an
     * {@link EncodedPrivateKey} (the 32-byte seed) and derives the public key itself, so a
     * mismatched public key can never be mixed into a signature; an RSA engine (RFC 8017 §8) gets
     * an {@link RsaPrivateKeyMaterial}.
     *
     * @param algorithm a signing algorithm this provider lists
     * @param key the private key, of the type the algorithm takes
     * @return a thread-safe engine
     * @throws GeneralSecurityException if the algorithm is not provided or the key is refused
     * @since 0.1
     */
    SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException;

    /**
     * Creates a verifier for one public key: an Ed25519 engine (RFC 8032 §5.1.7) gets an
     * {@link EncodedPublicKey} (the 32-byte point), an RSA engine an {@link RsaPublicKeyMaterial}.
     *
     * @param algorithm a signing algorithm this provider lists
     * @param key the public key, of the type the algorithm takes
     * @return a thread-safe engine
     * @throws GeneralSecurityException if the algorithm is not provided or the key is refused
     * @since 0.1
     */
    VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException;
}
