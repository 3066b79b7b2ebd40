package dev.wafer.provider.accp;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.amazon.corretto.crypto.provider.SelfTestStatus;
import java.security.Provider;
import java.util.Locale;
import java.util.Objects;

/**
 * The Amazon Corretto Crypto Provider as this JVM has it: its JCA provider object once its native
 * library has loaded and its own self-tests have passed, or the reason it is unavailable. This
 * class is immutable and thread-safe.
 */
final class Accp {

    private final Provider provider;
    private final String version;
    private final String unavailable;

    private Accp(Provider provider, String version, String unavailable) {
        this.provider = provider;
        this.version = version;
        this.unavailable = unavailable;
    }

    /**
     * ACCP in this JVM, loaded on first use, once: loading extracts and links its native library,
     * which cannot be undone or retried.
     *
     * @return the loaded provider or why there is none
     */
    static Accp system() {
        return Loaded.INSTANCE;
    }

    /**
     * An ACCP that failed to load, for the tests of what happens then.
     *
     * @param why the reason, as a loading error reads
     * @return an unavailable ACCP
     */
    static Accp unavailable(String why) {
        return new Accp(null, null, Objects.requireNonNull(why, "why"));
    }

    /**
     * The JCA provider object, never installed in {@link java.security.Security}.
     *
     * @return the provider
     * @throws IllegalStateException if ACCP is unavailable here, with the reason
     */
    Provider provider() {
        if (provider == null) {
            throw new IllegalStateException("the Amazon Corretto Crypto Provider is unavailable on "
                    + platform() + ", so wafer-provider-accp offers no algorithm (" + unavailable
                    + "); it runs on Linux x86_64 and aarch64 with the matching classifier jar");
        }
        return provider;
    }

    /**
     * What ACCP and AWS-LC versions run here, or that none does.
     *
     * @return for example {@code ACCP 2.5.0, AWS-LC v1.47.0}
     */
    String version() {
        return provider == null ? "ACCP unavailable" : version;
    }

    /**
     * Why ACCP is unavailable.
     *
     * @return the reason, or {@code null} if it is available
     */
    String unavailableReason() {
        return unavailable;
    }

    static String platform() {
        return System.getProperty("os.name", "?").toLowerCase(Locale.ROOT) + " "
                + System.getProperty("os.arch", "?");
    }

    private static Accp load() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable error = accp.getLoadingError();
            if (error != null) {
                return unavailable("its native library did not load: " + error);
            }
            // ACCP's own known-answer tests for every algorithm it has; Wafer's self-tests follow,
            // per algorithm, through the api's formats.
            SelfTestStatus status = accp.runSelfTests();
            if (status != SelfTestStatus.PASSED) {
                return unavailable("its self-tests ended " + status);
            }
            return new Accp(accp, "ACCP " + accp.getVersionStr() + ", " + accp.getAwsLcVersionStr(), null);
        } catch (LinkageError | RuntimeException e) {
            // NoClassDefFoundError without the ACCP jar; UnsatisfiedLinkError and the like otherwise.
            return unavailable("it failed to load: " + e);
        }
    }

    /** Loaded on first use, once. */
    private static final class Loaded {
        static final Accp INSTANCE = load();

        private Loaded() {
        }
    }
}
