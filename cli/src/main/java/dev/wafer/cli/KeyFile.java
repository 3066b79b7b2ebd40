package dev.wafer.cli;

import dev.wafer.KeyException;
import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import dev.wafer.SealingKeyring;
import dev.wafer.SigningKeySet;
import dev.wafer.VerificationKeySet;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A key file named on the command line: read (and opened, when sealed at rest), its kind, and written back. */
final class KeyFile {
    enum Kind {
        SEALING("a sealing keyring"), SIGNING("a signing key set"), PUBLIC("a public key set");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    final String name;
    final MasterKey master;
    final String json;
    final Kind kind;

    private KeyFile(String name, MasterKey master, String json, Kind kind) {
        this.name = name;
        this.master = master;
        this.json = json;
        this.kind = kind;
    }

    static KeyFile read(WaferCommand command, String name, MasterKeyOptions masterOptions) throws IOException {
        String text = command.readFile(name, "key file");
        MasterKey master = masterOptions.load(command);
        if (KeyFiles.isSealed(text) && master == null) {
            throw new CliException(ExitCode.INVALID, name + " is sealed at rest; give its master key with "
                    + "--master-key-env VAR or --master-key-file FILE");
        }
        String json = named(name, () -> KeyFiles.open(text, master));
        return new KeyFile(name, master, json, named(name, () -> kind(json)));
    }

    /** From the first key: {@code oct} keys seal; a key with a private member {@code d} signs; else public. */
    private static Kind kind(String json) {
        Map<String, Object> set;
        try {
            set = JsonText.parseObject(json, "the key file");
        } catch (CliException e) {
            SealingKeyring.fromJwkSet(json); // throws the api's own, precise message
            throw e;
        }
        Object keys = set.get("keys");
        if (keys instanceof List && !((List<?>) keys).isEmpty() && ((List<?>) keys).get(0) instanceof Map) {
            Map<?, ?> first = (Map<?, ?>) ((List<?>) keys).get(0);
            if ("oct".equals(first.get("kty"))) {
                return Kind.SEALING;
            }
            return first.containsKey("d") ? Kind.SIGNING : Kind.PUBLIC;
        }
        SealingKeyring.fromJwkSet(json);
        throw new KeyException("the key file is not a JWK Set");
    }

    SealingKeyring sealing() {
        expect(Kind.SEALING, "wafer keygen --type seal");
        return named(name, () -> SealingKeyring.fromJwkSet(json));
    }

    SigningKeySet signing() {
        expect(Kind.SIGNING, "wafer keygen --type sign");
        return named(name, () -> SigningKeySet.fromJwkSet(json));
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

    /** Writes a changed key set back, sealed under the same master key when the file was sealed. */
    void save(WaferCommand command, String newJson) throws IOException {
        String text = master != null ? KeyFiles.seal(newJson, master) : newJson + "\n";
        command.writeFile(name, text, kind != Kind.PUBLIC, true);
    }

    static <T> T named(String name, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (KeyException e) {
            throw new KeyException(name + ": " + e.getMessage(), e);
        }
    }
}
