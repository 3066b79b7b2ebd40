package dev.wafer.provider.accp;

import dev.wafer.ProviderReport;
import dev.wafer.SigningAlgorithm;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;

/**
 * Run by {@link AccpWithoutNativeLibraryTest} in a JVM whose ACCP jar holds a native library that
 * cannot load, with {@link JdkEd25519Stub} registered beside ACCP: prints, one per line, what
 * Wafer chose and reported.
 */
public final class AccpUnavailableMain {
    private AccpUnavailableMain() {
    }

    public static void main(String[] args) {
        ProviderReport report = Wafer.report();
        System.out.println("providers=" + Wafer.providers().stream().map(p -> p.name()).toList());
        System.out.println("problems=" + report.problems());
        WaferEngines engines = Wafer.engines();
        System.out.println("engines=" + engines.name());
        System.out.println("Ed25519=" + engines.servedBy(SigningAlgorithm.ED25519));
    }
}
