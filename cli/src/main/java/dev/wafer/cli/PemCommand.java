package dev.wafer.cli;

import dev.wafer.Algorithm;
import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import dev.wafer.Pem;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.VerificationKey;
import dev.wafer.VerificationKeySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pem", mixinStandardHelpOptions = true,
        description = {"Exports signing keys to PEM and imports them.",
            "PKCS#8 PRIVATE KEY and SubjectPublicKeyInfo PUBLIC KEY blocks, as OpenSSL writes them (Ed25519 and RSA)."},
        subcommands = {PemCommand.Export.class, PemCommand.Import.class})
final class PemCommand extends WaferCommand {
    @Override
    public Integer call() {
        throw usage("Missing required subcommand: export or import");
    }

    @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Writes a signing key as PEM.",
                "One key of a signing key set (the primary by default): the private key (a secret), or with "
                + "--public its public key. A public key set exports public keys only."})
    static final class Export extends WaferCommand {
        @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The signing key set or public key set.")
        String keys;

        @Option(names = "--kid", paramLabel = "KID", description = "The key to export; the primary by default.")
        String keyId;

        @Option(names = "--public", description = "Export the public key (SubjectPublicKeyInfo).")
        boolean publicKey;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        String output;

        @Option(names = "--force", description = "Replace FILE if it exists.")
        boolean force;

        @Mixin
        MasterKeyOptions master = new MasterKeyOptions();

        @Override
        public Integer call() throws Exception {
            KeyFile file = KeyFile.read(this, keys, master);
            String pem;
            if (file.kind == KeyFile.Kind.SIGNING) {
                SigningKeySet set = file.signing();
                SigningKey key = keyId == null ? set.primary() : set.find(keyId)
                        .orElseThrow(() -> usage("no key " + keyId + " in " + keys));
                pem = publicKey ? Pem.writePublicKey(key.publicKey()) : Pem.writePrivateKey(key);
            } else if (file.kind == KeyFile.Kind.PUBLIC) {
                if (!publicKey) {
                    throw new CliException(ExitCode.INVALID, keys + " is a public key set; export with --public");
                }
                VerificationKeySet set = file.publicKeys();
                if (keyId == null && set.keys().size() != 1) {
                    throw usage(keys + " holds " + set.keys().size() + " keys; name one with --kid");
                }
                VerificationKey key = keyId == null ? set.keys().get(0) : set.find(keyId)
                        .orElseThrow(() -> usage("no key " + keyId + " in " + keys));
                pem = Pem.writePublicKey(key);
            } else {
                throw new CliException(ExitCode.INVALID, keys + " is a sealing key set; only signing keys have a PEM form");
            }
            output(output, pem, !publicKey, force, keys);
            if (output != null) {
                out().println("wrote " + output + ": " + (publicKey ? "a PUBLIC KEY" : "a PRIVATE KEY (a secret)"));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Reads a PEM key into a key file.",
                "A PRIVATE KEY becomes a signing key set of one key, a PUBLIC KEY a public key set. PEM does not "
                + "say whether an RSA key is for RS256 or PS256: --alg does. An Ed25519 PRIVATE KEY may be "
                + "followed by its PUBLIC KEY, which is then checked."})
    static final class Import extends WaferCommand {
        @Option(names = "--alg", required = true, paramLabel = "ALG", converter = Converters.AlgorithmConverter.class,
                description = "EdDSA, RS256 or PS256.")
        Algorithm alg;

        @Option(names = "--kid", paramLabel = "KID", description = "The key id; the RFC 7638 thumbprint by default.")
        String keyId;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        String output;

        @Option(names = "--force", description = "Replace FILE if it exists.")
        boolean force;

        @Parameters(paramLabel = "PEMFILE", arity = "0..1", description = "The PEM file; standard input when absent or -.")
        String pemFile;

        @Mixin
        MasterKeyOptions master = new MasterKeyOptions();

        @Override
        public Integer call() throws Exception {
            if (!(alg instanceof SigningAlgorithm)) {
                throw usage("--alg must be EdDSA, RS256 or PS256");
            }
            SigningAlgorithm algorithm = (SigningAlgorithm) alg;
            String pem = pemFile == null ? input(null, "PEM text") : readFile(pemFile, "PEM text");
            String json;
            String summary;
            boolean secret = pem.contains("-----BEGIN " + Pem.PRIVATE_KEY + "-----");
            MasterKey masterKey = master.load(this);
            if (secret) {
                SigningKey key = Pem.readPrivateKey(pem, algorithm, keyId);
                json = SigningKeySet.of(key).toJwkSet();
                summary = "a signing key set, primary key " + key.keyId() + " (" + algorithm.jwkName() + ")";
                if (masterKey != null) {
                    json = KeyFiles.create().seal(json, masterKey, 1);
                    summary += ", sealed at rest under the master key";
                }
            } else {
                if (masterKey != null) {
                    throw usage("a public key set is not sealed; leave out the master key");
                }
                VerificationKey key = Pem.readPublicKey(pem, algorithm, keyId);
                json = VerificationKeySet.of(key).toJwkSet();
                summary = "a public key set, key " + key.keyId() + " (" + algorithm.jwkName() + ")";
            }
            output(output, json, secret, force);
            if (output != null) {
                out().println("wrote " + output + ": " + summary);
            }
            return ExitCode.OK;
        }
    }
}
