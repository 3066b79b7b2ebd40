package dev.wafer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "public", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the public JWK Set of a signing key set.",
            "Verifiers load it, for example from /.well-known/jwks.json. Pending, primary and active keys "
            + "are published; retired keys and keys past their not-after time are not. -o FILE is never "
            + "replaced without --force, and never the key file itself."})
final class PublicCommand extends WaferCommand {
    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The signing key set.")
    String keys;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    String output;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        KeyFile file = KeyFile.read(this, keys, master);
        if (file.kind == KeyFile.Kind.SEALING) {
            throw new CliException(ExitCode.INVALID, keys + " is a sealing key set: sealing keys are secret and have no "
                    + "public half");
        }
        var set = file.kind == KeyFile.Kind.SIGNING ? file.signing().publicKeys(root().clock.instant()) : file.publicKeys();
        output(output, set.toJwkSet(), false, force, keys);
        if (output != null) {
            out().println("wrote " + output + ": a public key set of " + set.keys().size() + " key"
                    + (set.keys().size() == 1 ? "" : "s") + "; publish it");
        }
        return ExitCode.OK;
    }
}
