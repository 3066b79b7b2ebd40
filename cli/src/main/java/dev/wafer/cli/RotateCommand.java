package dev.wafer.cli;

import dev.wafer.Algorithm;
import dev.wafer.KeyChange;
import dev.wafer.KeyPlan;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKeySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rotate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Adds a new primary key to a key file.",
            "The key file is changed in place. The new key seals or signs from now on, while the old primary "
            + "stays active (it opens or verifies only; values it opens are flagged for resealing). With "
            + "--pending the new key opens and verifies (and is published) but does not seal or sign yet; "
            + "'wafer promote' makes it primary once every instance or verifier has it (docs/keys.md)."})
final class RotateCommand extends WaferCommand {
    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The sealing key set or signing key set.")
    String keys;

    @Option(names = "--alg", paramLabel = "ALG", converter = Converters.AlgorithmConverter.class,
            description = "Algorithm of the new key; the primary's by default.")
    Algorithm algorithm;

    @Option(names = "--pending", description = "Add the new key as pending instead of primary.")
    boolean pending;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        KeyFile file = KeyFile.read(this, keys, master);
        if (file.kind == KeyFile.Kind.SEALING) {
            SealingKeySet set = file.sealing(KeyPlan.Check.ALLOW_VIOLATIONS);
            SealingAlgorithm alg = (SealingAlgorithm) algorithm(set.primary().algorithm(), true);
            KeyChange<SealingKeySet> change = pending ? set.addPending(alg) : set.rotate(alg);
            file.save(this, change.keySet().toJwkSet());
            if (pending) {
                out().println("added pending key " + change.keyId() + " (" + alg.jwkName() + ") to " + keys
                        + ": it opens but does not seal yet; deploy " + keys + " everywhere, then: wafer promote --keys "
                        + shellWord(keys) + " " + kidArgument(change.keyId()));
            } else {
                out().println("rotated " + keys + ": new primary key " + change.keyId() + " (" + alg.jwkName() + "); key "
                        + set.primary().keyId() + " is now active: it opens, and what it opens should be resealed");
            }
        } else if (file.kind == KeyFile.Kind.SIGNING) {
            SigningKeySet set = file.signing(KeyPlan.Check.ALLOW_VIOLATIONS);
            SigningAlgorithm alg = (SigningAlgorithm) algorithm(set.primary().algorithm(), false);
            KeyChange<SigningKeySet> change = pending ? set.addPending(alg) : set.rotate(alg);
            file.save(this, change.keySet().toJwkSet());
            if (pending) {
                out().println("added pending key " + change.keyId() + " (" + alg.jwkName() + ") to " + keys
                        + ": it is published but does not sign yet; publish the public keys (wafer public), wait for "
                        + "verifiers to load them, then: wafer promote --keys " + shellWord(keys) + " "
                        + kidArgument(change.keyId()));
            } else {
                out().println("rotated " + keys + ": new primary key " + change.keyId() + " (" + alg.jwkName() + "); key "
                        + set.primary().keyId() + " is now active: it verifies only; publish the public keys again (wafer public)");
            }
        } else {
            throw new CliException(ExitCode.INVALID, keys + " is a public key set; rotate the signing key set it was made from");
        }
        return ExitCode.OK;
    }

    private Algorithm algorithm(Algorithm primary, boolean sealing) {
        if (algorithm == null) {
            return primary;
        }
        if (sealing != algorithm instanceof SealingAlgorithm) {
            throw usage("--alg " + algorithm.jwkName() + " does not fit " + keys + ", a key file of "
                    + (sealing ? "sealing" : "signing") + " keys");
        }
        return algorithm;
    }
}
