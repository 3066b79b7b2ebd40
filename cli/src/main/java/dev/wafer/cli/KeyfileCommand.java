package dev.wafer.cli;

import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "keyfile", mixinStandardHelpOptions = true,
        description = {"Seals a key file at rest, changes its master key, or unseals it.",
            "The format is in docs/format.md §3.1."},
        subcommands = {KeyfileCommand.Seal.class, KeyfileCommand.Unseal.class})
final class KeyfileCommand extends WaferCommand {
    @Override
    public Integer call() {
        throw usage("Missing required subcommand: seal or unseal");
    }

    @Command(name = "seal", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Seals a private key file at rest under a master key, in place.",
                "A file sealed already is opened with --old-master-key-env or --old-master-key-file first: that "
                + "changes its master key. Deploy the file and its new master key together."})
    static final class Seal extends WaferCommand {
        @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The sealing key set or signing key set.")
        String keys;

        @Option(names = "--old-master-key-env", paramLabel = "VAR", description = "The master key the file is sealed under now.")
        String oldVariable;

        @Option(names = "--old-master-key-file", paramLabel = "FILE", description = "The master key the file is sealed under now.")
        String oldFile;

        @Mixin
        MasterKeyOptions master = new MasterKeyOptions();

        @Override
        public Integer call() throws Exception {
            MasterKey newKey = master.load(this);
            if (newKey == null) {
                throw usage("give the master key to seal under: --master-key-env VAR or --master-key-file FILE");
            }
            MasterKeyOptions old = new MasterKeyOptions();
            old.variable = oldVariable;
            old.file = oldFile;
            String text = readFile(keys, "key file");
            if (KeyFiles.isSealed(text) && !old.given()) {
                throw new CliException(ExitCode.INVALID, keys + " is sealed already; give the master key it is sealed "
                        + "under with --old-master-key-env or --old-master-key-file to change it");
            }
            KeyFile file = KeyFile.read(this, keys, old);
            if (file.kind == KeyFile.Kind.PUBLIC) {
                throw new CliException(ExitCode.INVALID, keys + " is a public key set: it is published, never sealed");
            }
            writeFile(keys, KeyFiles.create().seal(file.json, newKey, file.generation + 1), true, true);
            out().println((file.master == null ? "sealed " : "sealed again ") + keys + " at rest under the "
                    + (file.master == null ? "" : "new ") + "master key");
            return ExitCode.OK;
        }
    }

    @Command(name = "unseal", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Prints the JWK Set of a key file sealed at rest: a secret.",
                "With -o it writes a plain key file instead (-o FILE --force with the same FILE unseals in place)."})
    static final class Unseal extends WaferCommand {
        @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The sealed key file.")
        String keys;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        String output;

        @Option(names = "--force", description = "Replace FILE if it exists.")
        boolean force;

        @Mixin
        MasterKeyOptions master = new MasterKeyOptions();

        @Override
        public Integer call() throws Exception {
            if (!master.given()) {
                throw usage("give the master key the file is sealed under: --master-key-env VAR or --master-key-file FILE");
            }
            KeyFile file = KeyFile.read(this, keys, master);
            output(output, file.json, true, force);
            if (output != null) {
                out().println("wrote " + output + ": " + file.kind.description + ", not sealed: a secret");
            }
            return ExitCode.OK;
        }
    }
}
