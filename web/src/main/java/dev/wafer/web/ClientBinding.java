package dev.wafer.web;

import dev.wafer.internal.Base64Url;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Optionally ties a session to traits of the client that created it: a prefix of its address and
 * its {@code User-Agent}. Off by default. A session presented with other traits goes to the
 * application's handler, which decides.
 *
 * <h2>Trade-offs</h2>
 * <p>It raises the bar for a stolen cookie used from elsewhere, and nothing more: an attacker on
 * the same network, or who copies the user agent string, passes. It logs out honest users whose
 * address changes (mobile networks, dual-stack hosts, VPNs, carrier-grade NAT) unless the prefix is
 * short, and a shorter prefix binds less. User-agent strings change on every browser update.
 * Behind a proxy, the address is the proxy's unless the framework resolves {@code Forwarded}.
 * Hence the handler: ending the session is right for an admin console, asking the user to sign in
 * again (or to confirm with a second factor) is kinder for a shop.
 *
 * <p>The session keeps a 96-bit hash of the traits, never the traits themselves.
 *
 * @since 0.1
 */
public final class ClientBinding {
    /**
     * What to do with a session presented by a client whose traits differ.
     *
     * @since 0.1
     */
    public enum Decision {
        /** No session: the request is anonymous, and the cookie is cleared. */
        END_SESSION,
        /**
         * Keep the session, marked ({@link SessionHandle#bindingMismatch()}) so that the
         * application asks for re-authentication before anything sensitive.
         */
        KEEP_AND_MARK
    }

    private final int ipv4PrefixBits;
    private final int ipv6PrefixBits;
    private final boolean userAgent;
    private final Function<WebRequest, Decision> onMismatch;

    private ClientBinding(int ipv4PrefixBits, int ipv6PrefixBits, boolean userAgent, Function<WebRequest, Decision> onMismatch) {
        if (ipv4PrefixBits < 0 || ipv4PrefixBits > 32 || ipv6PrefixBits < 0 || ipv6PrefixBits > 128) {
            throw new IllegalArgumentException("address prefixes are 0 to 32 bits (IPv4) and 0 to 128 bits (IPv6)");
        }
        this.ipv4PrefixBits = ipv4PrefixBits;
        this.ipv6PrefixBits = ipv6PrefixBits;
        this.userAgent = userAgent;
        this.onMismatch = Objects.requireNonNull(onMismatch, "onMismatch");
    }

    /**
     * Binds to the client's address prefix (a /24 in IPv4, a /64 in IPv6, for example) and, if
     * asked, its user agent; a mismatch ends the session.
     *
     * @param ipv4PrefixBits bits of an IPv4 address kept, 0 to ignore addresses
     * @param ipv6PrefixBits bits of an IPv6 address kept, 0 to ignore addresses
     * @param userAgent whether the {@code User-Agent} header counts
     * @return the binding
     * @throws IllegalArgumentException if a prefix is out of range
     * @since 0.1
     */
    public static ClientBinding of(int ipv4PrefixBits, int ipv6PrefixBits, boolean userAgent) {
        return new ClientBinding(ipv4PrefixBits, ipv6PrefixBits, userAgent, r -> Decision.END_SESSION);
    }

    /**
     * This binding, with a handler that decides what a mismatch does.
     *
     * @param onMismatch given the request, ends the session or keeps it marked
     * @return a new binding
     * @since 0.1
     */
    public ClientBinding onMismatch(Function<WebRequest, Decision> onMismatch) {
        return new ClientBinding(ipv4PrefixBits, ipv6PrefixBits, userAgent, onMismatch);
    }

    Decision mismatch(WebRequest request) {
        Decision d = onMismatch.apply(request);
        return d == null ? Decision.END_SESSION : d;
    }

    /** The hash of the request's traits that a bound session keeps. */
    String fingerprint(WebRequest request) {
        StringBuilder traits = new StringBuilder("wafer-web/binding/");
        traits.append(prefix(request.remoteAddress())).append('\n');
        if (userAgent) {
            String ua = request.header("User-Agent");
            traits.append(ua == null ? "" : ua);
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(traits.toString().getBytes(StandardCharsets.UTF_8));
            return Base64Url.encode(Arrays.copyOf(h, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private String prefix(String address) {
        // Literals only, so that getByName never looks a name up: IPv4 digits and dots, or IPv6
        // with its colons (brackets and a zone id allowed).
        if (address == null || !(address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
                || address.matches("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?\\]?"))) {
            return "";
        }
        byte[] a;
        try {
            a = InetAddress.getByName(address.replace("[", "").replace("]", "").replaceAll("%.*$", "")).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return "";
        }
        int bits = a.length == 4 ? ipv4PrefixBits : ipv6PrefixBits;
        byte[] kept = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            int left = bits - 8 * i;
            if (left >= 8) {
                kept[i] = a[i];
            } else if (left > 0) {
                kept[i] = (byte) (a[i] & (0xff << (8 - left)));
            }
        }
        return a.length + ":" + Base64Url.encode(kept);
    }

    /**
     * The prefixes and whether the user agent counts.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "ClientBinding[ipv4/" + ipv4PrefixBits + ", ipv6/" + ipv6PrefixBits + (userAgent ? ", user agent" : "") + "]";
    }
}
