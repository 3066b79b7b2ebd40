package dev.wafer;

import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;

/**
 * What a sealer, signer or verifier builder needs of the providers: an engine for a key. Builders
 * depend on this, not on the whole {@link WaferEngines}.
 */
interface EngineSource {
    /** The name shown in {@code toString}: a provider's, or {@code auto}. */
    String name();

    /** An engine for a sealing key, self-tested. */
    AeadEngine aead(SealingKey key);

    /** An engine for a signing key, self-tested and tested pairwise against its public key. */
    SignerEngine signer(SigningKey key);

    /** An engine for a verification key, self-tested. */
    VerifierEngine verifier(VerificationKey key);
}
