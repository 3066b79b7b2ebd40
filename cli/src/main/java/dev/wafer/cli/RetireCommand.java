package dev.wafer.cli;

import dev.wafer.KeyPlan;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.internal.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "retire", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Retires a key that is no longer primary.",
            "The key file is changed in place. The key opens or verifies nothing from now on, and a signing "
            + "key is no longer published. Refused while values it sealed or signed may still be alive, when "
            + "the file declares a maximum lifetime (keygen --max-lifetime). --remove drops the key from the "
            + "file instead."})
final class RetireCommand extends WaferCommand {
    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The sealing key set or signing key set.")
    String keys;

    @Option(names = "--remove", description = "Remove the key from the file entirely, without the lifecycle check.")
    boolean remove;

    @Parameters(paramLabel = "KID", description = "The key id: 8 hex digits for a sealing key. An id that starts with '-' goes after '--', which ends the options.")
    String keyId;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        KeyFile file = KeyFile.read(this, keys, master);
        if (file.kind == KeyFile.Kind.SEALING) {
            SealingKeySet set = file.sealing(KeyPlan.Check.ALLOW_VIOLATIONS);
            String id = sealingKeyId(this, keyId);
            file.save(this, (remove ? set.remove(id) : set.retire(id, root().clock.instant())).toJwkSet());
            out().println(remove ? "removed key " + keyId + " from " + keys
                    : "retired key " + keyId + " in " + keys + ": it opens nothing from now on");
        } else if (file.kind == KeyFile.Kind.SIGNING) {
            SigningKeySet set = file.signing(KeyPlan.Check.ALLOW_VIOLATIONS);
            file.save(this, (remove ? set.remove(keyId) : set.retire(keyId, root().clock.instant())).toJwkSet());
            out().println((remove ? "removed key " + keyId + " from " + keys : "retired key " + keyId + " in " + keys
                    + ": it verifies nothing and is no longer published") + "; publish the public keys again (wafer public)");
        } else {
            throw new CliException(ExitCode.INVALID, keys + " is a public key set; retire in the signing key set it was made from");
        }
        return ExitCode.OK;
    }

    static String sealingKeyId(WaferCommand command, String hex) {
        if (!hex.matches("[0-9a-fA-F]{8}")) {
            throw command.usage("a sealing key id is 8 hex digits, not " + Text.quote(hex));
        }
        return hex;
    }
}
