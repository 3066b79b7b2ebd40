package dev.wafer.cli;

import dev.wafer.KeyException;
import dev.wafer.MasterKey;
import java.io.IOException;
import picocli.CommandLine.Option;

/** Where the master key of a key file sealed at rest comes from: an environment variable or a file. */
final class MasterKeyOptions {
    @Option(names = "--master-key-env", paramLabel = "VAR",
            description = "Environment variable holding the master key (43 characters of base64url) that the key file "
                    + "is sealed under at rest.")
    String variable;

    @Option(names = "--master-key-file", paramLabel = "FILE",
            description = "File holding the master key that the key file is sealed under at rest.")
    String file;

    boolean given() {
        return variable != null || file != null;
    }

    /** The master key, or null when none is given. */
    MasterKey load(WaferCommand command) throws IOException {
        if (variable != null && file != null) {
            throw command.usage("give --master-key-env or --master-key-file, not both");
        }
        WaferCli root = command.root();
        if (variable != null) {
            String value = root.environment.apply(variable);
            if (value == null || value.isBlank()) {
                throw new CliException(ExitCode.INVALID, "environment variable " + variable
                        + " is not set; it must hold the master key");
            }
            try {
                return MasterKey.fromBase64Url(value);
            } catch (KeyException e) {
                throw new CliException(ExitCode.INVALID, "environment variable " + variable
                        + " does not hold a master key (32 bytes in unpadded base64url, 43 characters)");
            }
        }
        return file == null ? null : MasterKey.fromFile(root.resolve(file));
    }
}
