package dev.wafer.cli;

import dev.wafer.KeyPlan;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "promote", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Makes a pending key the primary.",
            "The key file is changed in place. The key seals or signs from now on, and the old primary stays "
            + "active (it opens or verifies only)."})
final class PromoteCommand extends WaferCommand {
    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The sealing key set or signing key set.")
    String keys;

    @Parameters(paramLabel = "KID", description = "The key id of the pending key. An id that starts with '-' goes after '--', which ends the options.")
    String keyId;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        KeyFile file = KeyFile.read(this, keys, master);
        String old;
        if (file.kind == KeyFile.Kind.SEALING) {
            SealingKeySet set = file.sealing(KeyPlan.Check.ALLOW_VIOLATIONS);
            old = set.primary().keyId();
            file.save(this, set.promote(RetireCommand.sealingKeyId(this, keyId)).toJwkSet());
        } else if (file.kind == KeyFile.Kind.SIGNING) {
            SigningKeySet set = file.signing(KeyPlan.Check.ALLOW_VIOLATIONS);
            old = set.primary().keyId();
            file.save(this, set.promote(keyId).toJwkSet());
        } else {
            throw new CliException(ExitCode.INVALID, keys + " is a public key set; promote in the signing key set it was made from");
        }
        out().println("promoted key " + keyId + " in " + keys + ": it " + (file.kind == KeyFile.Kind.SEALING ? "seals" : "signs")
                + " from now on; key " + old + " is now active");
        return ExitCode.OK;
    }
}
