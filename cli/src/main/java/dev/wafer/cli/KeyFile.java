package dev.wafer.cli;

import dev.wafer.KeyException;
import dev.wafer.KeyFiles;
import dev.wafer.KeyPlan;
import dev.wafer.MasterKey;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.VerificationKeySet;
import dev.wafer.internal.Json;
import dev.wafer.internal.Utf8;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A key file named on the command line: read (and opened, when sealed at rest), its kind, and written back. */
final class KeyFile {
    enum Kind {
        SEALING("a sealing key set"), SIGNING("a signing key set"), PUBLIC("a public key set");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    final String name;
    final Path path;
    final MasterKey master;
    final String json;
    final Kind kind;
    final long generation;

    private KeyFile(String name, Path path, MasterKey master, String json, Kind kind, long generation) {
        this.name = name;
        this.path = path;
        this.master = master;
        this.json = json;
        this.kind = kind;
        this.generation = generation;
    }

    static KeyFile read(WaferCommand command, String name, MasterKeyOptions masterOptions) throws IOException {
        String text = command.readFile(name, "key file");
        MasterKey master = masterOptions.load(command);
        if (KeyFiles.isSealed(text) && master == null) {
            throw new CliException(ExitCode.INVALID, name + " is sealed at rest; give its master key with "
                    + "--master-key-env VAR or --master-key-file FILE");
        }
        KeyFiles.Opened opened = named(name, () -> KeyFiles.create().open(text, master));
        Kind kind = opened.kind() == KeyFiles.Kind.SEALING ? Kind.SEALING
                : opened.kind() == KeyFiles.Kind.SIGNING ? Kind.SIGNING : named(name, () -> kind(opened.json()));
        return new KeyFile(name, command.root().resolve(name), master, opened.json(), kind, opened.generation());
    }

    /** From the first key: {@code oct} keys seal; a key with a private member {@code d} signs; else public. */
    private static Kind kind(String json) {
        Map<String, Object> set;
        try {
            set = Json.parseObject(Utf8.encode(json), Json.Limits.KEY_FILE);
        } catch (IllegalArgumentException e) {
            throw new KeyException("unreadable JWK Set: " + e.getMessage());
        }
        Object keys = set.get("keys");
        if (keys instanceof List && !((List<?>) keys).isEmpty() && ((List<?>) keys).get(0) instanceof Map) {
            Map<?, ?> first = (Map<?, ?>) ((List<?>) keys).get(0);
            if ("oct".equals(first.get("kty"))) {
                return Kind.SEALING;
            }
            return first.containsKey("d") ? Kind.SIGNING : Kind.PUBLIC;
        }
        throw new KeyException("a JWK Set needs a non-empty \"keys\" array (RFC 7517 §5.1)");
    }

    SealingKeySet sealing() {
        return sealing(KeyPlan.Check.ENFORCE);
    }

    /** With {@code ALLOW_VIOLATIONS}, for the commands that repair a plan (retire, remove, rotate). */
    SealingKeySet sealing(KeyPlan.Check check) {
        expect(Kind.SEALING, "wafer keygen --type seal");
        return named(name, () -> SealingKeySet.fromJwkSet(json, check));
    }

    SigningKeySet signing() {
        return signing(KeyPlan.Check.ENFORCE);
    }

    SigningKeySet signing(KeyPlan.Check check) {
        expect(Kind.SIGNING, "wafer keygen --type sign");
        return named(name, () -> SigningKeySet.fromJwkSet(json, check));
    }

    VerificationKeySet publicKeys() {
        expect(Kind.PUBLIC, "wafer public");
        return named(name, () -> VerificationKeySet.fromJwkSet(json));
    }

    private void expect(Kind wanted, String howToMakeOne) {
        if (kind != wanted) {
            throw new CliException(ExitCode.INVALID, name + " is " + kind.description + "; this command needs "
                    + wanted.description + " (" + howToMakeOne + ")");
        }
    }

    /**
     * Writes a changed key set back, atomically and durably, sealed under the same master key (the
     * next generation) when the file was sealed.
     */
    void save(WaferCommand command, String newJson) throws IOException {
        String text = master != null ? KeyFiles.create().seal(newJson, master, generation + 1) : newJson + "\n";
        KeyFiles.write(path, text, KeyFiles.Overwrite.REPLACE);
    }

    static <T> T named(String name, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (KeyException e) {
            throw new KeyException(name + ": " + e.getMessage(), e);
        }
    }
}
