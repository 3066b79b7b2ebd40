package dev.wafer.cli;

import dev.wafer.InvalidSealedValueException;
import dev.wafer.SealedHeader;
import dev.wafer.SealingAlgorithm;
import dev.wafer.internal.Json;
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
        SealedHeader h;
        try {
            h = SealedHeader.peek(text);
        } catch (InvalidSealedValueException e) {
            throw new CliException(ExitCode.INVALID, "not a sealed value: " + e.getMessage());
        }
        int body = h.sealedBytes() - 13 - 16;
        int xaes = body - SealingAlgorithm.XAES_256_GCM.nonceLengthBytes();
        int aes = body - SealingAlgorithm.AES_256_GCM.nonceLengthBytes();
        out().println("UNVERIFIED sealed value: read without a key, nothing here is authenticated (wafer open checks it)");
        out().println("format   version " + h.version());
        out().println("key id   " + h.keyId());
        out().println("expires  " + when(h.expiresAt().getEpochSecond()));
        out().println("length   " + text.length() + " characters, " + h.sealedBytes() + " bytes: a value of "
                + (xaes >= 0 ? xaes + " bytes under XAES-256-GCM or " : "") + aes + " under AES-256-GCM(-SIV)");
    }

    private void token(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            throw new CliException(ExitCode.INVALID, "not a token: a JWS has three parts separated by dots, not " + parts.length);
        }
        Map<String, Object> header = object(decode(parts[0], "a token header"), "the token header");
        Map<String, Object> claims = object(decode(parts[1], "token claims"), "the token claims");
        out().println("UNVERIFIED token: read without a key, the signature is not checked (wafer verify checks it)");
        out().println("header");
        out().println(Json.writePretty(header));
        out().println("claims");
        out().println(Json.writePretty(claims));
        for (String[] time : new String[][] {{"iat", "issued  "}, {"nbf", "valid   "}, {"exp", "expires "}}) {
            Object v = claims.get(time[0]);
            if (v instanceof Long) {
                out().println(time[1] + " " + when((Long) v));
            }
        }
        out().println("signed   " + decode(parts[2], "a token signature").length + "-byte signature, not checked");
    }

    /** The api's strict, bounded JSON reader; its messages name the problem, never the input. */
    private static Map<String, Object> object(byte[] utf8, String what) {
        try {
            return Json.parseObject(utf8);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID, what + ": " + e.getMessage());
        }
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
