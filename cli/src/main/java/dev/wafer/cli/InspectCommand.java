package dev.wafer.cli;

import dev.wafer.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows what a sealed value or a token says about itself, UNVERIFIED.",
            "No key is used: the key id and expiry of a sealed value; the header and claims of a token. "
            + "Nothing shown is verified: anyone can forge it. 'wafer open' and 'wafer verify' check values "
            + "and tokens."})
final class InspectCommand extends WaferCommand {
    /** Sealed-value header: version, key id, expiry (docs/format.md §1). */
    private static final int HEADER_BYTES = 13;
    private static final int TAG_BYTES = 16;

    @Parameters(paramLabel = "VALUE", arity = "0..1", description = "A sealed value or a token; standard input when absent or -.")
    String value;

    @Override
    public Integer call() throws Exception {
        String text = input(value, "sealed value or token").strip();
        if (text.indexOf('.') >= 0) {
            token(text);
        } else {
            sealed(text);
        }
        return ExitCode.OK;
    }

    private void sealed(String text) {
        byte[] b = decode(text, "a sealed value");
        if (b.length < HEADER_BYTES + 12 + TAG_BYTES) {
            throw new CliException(ExitCode.INVALID, "not a sealed value: too short");
        }
        if (b[0] != 1) {
            throw new CliException(ExitCode.INVALID, "not a sealed value of format version 1");
        }
        long expires = 0;
        for (int i = 5; i < HEADER_BYTES; i++) {
            expires = (expires << 8) | (b[i] & 0xff);
        }
        int xaes = b.length - HEADER_BYTES - Algorithm.XAES_256_GCM.nonceLengthBytes() - TAG_BYTES;
        int aes = b.length - HEADER_BYTES - Algorithm.AES_256_GCM.nonceLengthBytes() - TAG_BYTES;
        out().println("UNVERIFIED sealed value: read without a key, nothing here is authenticated (wafer open checks it)");
        out().println("format   version 1");
        out().printf("key id   %02x%02x%02x%02x%n", b[1], b[2], b[3], b[4]);
        out().println("expires  " + when(expires));
        out().println("length   " + text.length() + " characters, " + b.length + " bytes: a value of "
                + (xaes >= 0 ? xaes + " bytes under XAES-256-GCM or " : "") + aes + " under AES-256-GCM(-SIV)");
    }

    private void token(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            throw new CliException(ExitCode.INVALID, "not a token: a JWS has three parts separated by dots, not " + parts.length);
        }
        Map<String, Object> header = JsonText.parseObject(new String(decode(parts[0], "a token header"),
                StandardCharsets.UTF_8), "the token header");
        Map<String, Object> claims = JsonText.parseObject(new String(decode(parts[1], "token claims"),
                StandardCharsets.UTF_8), "the token claims");
        out().println("UNVERIFIED token: read without a key, the signature is not checked (wafer verify checks it)");
        out().println("header");
        out().println(JsonText.pretty(header));
        out().println("claims");
        out().println(JsonText.pretty(claims));
        for (String[] time : new String[][] {{"iat", "issued  "}, {"nbf", "valid   "}, {"exp", "expires "}}) {
            Object v = claims.get(time[0]);
            if (v instanceof Long) {
                out().println(time[1] + " " + when((Long) v));
            }
        }
        out().println("signed   " + decode(parts[2], "a token signature").length + "-byte signature, not checked");
    }

    private static byte[] decode(String part, String what) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID, "not " + what + ": not base64url");
        }
    }

    /** An epoch-seconds time, and how far it is from now. */
    private String when(long epochSeconds) {
        if (epochSeconds < 0 || epochSeconds > 253402300799L) {
            return epochSeconds + " (out of range)";
        }
        Instant t = Instant.ofEpochSecond(epochSeconds);
        Duration d = Duration.between(root().clock.instant(), t);
        String rel = d.isZero() ? "now" : d.isNegative() ? Converters.format(d) + " ago" : "in " + Converters.format(d);
        return t + " (" + rel + ")";
    }
}
