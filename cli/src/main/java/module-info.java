/**
 * The {@code wafer} command line: key files, sealing, signing and inspection without writing code.
 *
 * <p>Exports nothing. picocli reads the command classes reflectively, so their package is opened to
 * it. The executable jar ({@code target/wafer-cli.jar}) runs on the class path; this descriptor
 * serves a module-path launch ({@code java -p ... -m dev.wafer.cli}), where service binding finds
 * the provider on the module path.
 */
module dev.wafer.cli {
    requires dev.wafer;
    requires info.picocli;
    requires com.fasterxml.jackson.core;

    opens dev.wafer.cli to info.picocli;
}
