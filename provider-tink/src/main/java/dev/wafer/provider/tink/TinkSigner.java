package dev.wafer.provider.tink;

import com.google.crypto.tink.PublicKeySign;
import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.SignerEngine;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Signs with a Tink {@link PublicKeySign}: {@code subtle.Ed25519Sign} (RFC 8032 §5.1.6),
 * {@code subtle.RsaSsaPkcs1SignJce} (RS256, RFC 8017 §8.2) or {@code subtle.RsaSsaPssSignJce}
 * (PS256, RFC 8017 §8.1). Tink's primitives are thread-safe, and so is this class.
 */
final class TinkSigner implements SignerEngine {

    private final SigningAlgorithm algorithm;
    private final PublicKeySign tink;

    TinkSigner(SigningAlgorithm algorithm, PublicKeySign tink) {
        this.algorithm = algorithm;
        this.tink = tink;
    }

    @Override
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] data, int off, int len) throws GeneralSecurityException {
        // Tink signs whole arrays: a slice costs one copy of the (public) message.
        return tink.sign(slice(data, off, len));
    }

    @Override
    public String toString() {
        return "TinkSigner[" + algorithm + "]";
    }

    static byte[] slice(byte[] data, int off, int len) {
        return off == 0 && len == data.length ? data : Arrays.copyOfRange(data, off, off + len);
    }
}
