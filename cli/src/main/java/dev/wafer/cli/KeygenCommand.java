package dev.wafer.cli;

import dev.wafer.Algorithm;
import dev.wafer.CookieSealer;
import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.UnsupportedAlgorithmException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generates a key file or a master key.",
            "A sealing key set holds one XAES-256-GCM key by default, a signing key set one Ed25519 key; a "
            + "master key seals key files at rest. Private key files are secrets; with -o they are written "
            + "readable by their owner only. With --master-key-env or --master-key-file the key file is sealed "
            + "at rest under that master key."})
final class KeygenCommand extends WaferCommand {
    enum Type { seal, sign, master }

    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "What to generate: seal (a sealing key set), sign (a signing key set) or master (a master key).")
    Type type;

    @Option(names = "--alg", paramLabel = "ALG", converter = Converters.AlgorithmConverter.class,
            description = "seal: XAES-256-GCM (default), AES-256-GCM, AES-256-GCM-SIV; sign: EdDSA (default), RS256, PS256.")
    Algorithm algorithm;

    @Option(names = "--rsa-bits", paramLabel = "BITS", description = "RSA modulus size, 2048 to 8192; 3072 by default.")
    Integer rsaBits;

    @Option(names = "--max-lifetime", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Declare the longest lifetime the keys seal or sign for (for example 30d): sealing or signing "
                    + "for longer is refused, and retiring a key is refused until that long after its rotation.")
    Duration maxLifetime;

    /** The name before 1.0, kept for scripts that use it. */
    @Option(names = "--max-ttl", hidden = true, paramLabel = "DURATION", converter = Converters.DurationConverter.class)
    Duration maxTtl;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    String output;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        Duration maxLifetime = eitherName("--max-lifetime", this.maxLifetime, "--max-ttl", maxTtl, null);
        if (type == Type.master) {
            if (algorithm != null || rsaBits != null || maxLifetime != null || master.given()) {
                throw usage("--type master takes no --alg, --rsa-bits, --max-lifetime or master key");
            }
            output(output, MasterKey.generate().toBase64Url(), true, force);
            if (output != null) {
                out().println("wrote " + output + ": a master key; keep it secret, and apart from the key files it seals");
            }
            return ExitCode.OK;
        }
        Algorithm alg = algorithm != null ? algorithm
                : type == Type.seal ? SealingAlgorithm.XAES_256_GCM : SigningAlgorithm.ED25519;
        if (type == Type.seal != alg instanceof SealingAlgorithm) {
            throw usage("--alg " + alg.jwkName() + " cannot " + type + "; use " + (type == Type.seal
                    ? "XAES-256-GCM, AES-256-GCM or AES-256-GCM-SIV" : "EdDSA, RS256 or PS256"));
        }
        if (rsaBits != null && !(alg instanceof SigningAlgorithm && ((SigningAlgorithm) alg).isRsa())) {
            throw usage("--rsa-bits applies to RS256 and PS256 keys only");
        }
        MasterKey masterKey = master.load(this);
        String json;
        String summary;
        if (alg instanceof SealingAlgorithm) {
            SealingKeySet keys = SealingKeySet.generate((SealingAlgorithm) alg);
            try {
                // A key this installation cannot seal or open with is not made (GCM-SIV on the JDK alone).
                CookieSealer.builder(keys).acceptAesGcmLimit().build();
            } catch (UnsupportedAlgorithmException e) {
                throw new CliException(ExitCode.UNAVAILABLE, "no " + alg.jwkName() + " key made: " + e.getMessage());
            }
            if (maxLifetime != null) {
                keys = keys.withMaxLifetime(maxLifetime);
            }
            json = keys.toJwkSet();
            summary = "a sealing key set, primary key " + keys.primary().keyId() + " (" + alg.jwkName() + ")";
        } else {
            SigningAlgorithm sign = (SigningAlgorithm) alg;
            SigningKeySet set = rsaBits != null ? SigningKeySet.of(SigningKey.generateRsa(sign, rsaBits))
                    : SigningKeySet.generate(sign);
            if (maxLifetime != null) {
                set = set.withMaxLifetime(maxLifetime);
            }
            json = set.toJwkSet();
            summary = "a signing key set, primary key " + set.primary().keyId() + " (" + alg.jwkName() + ")";
        }
        output(output, masterKey != null ? KeyFiles.create().seal(json, masterKey, 1) : json, true, force);
        if (output != null) {
            out().println("wrote " + output + ": " + summary + (masterKey != null ? ", sealed at rest under the master key" : ""));
        }
        return ExitCode.OK;
    }
}
