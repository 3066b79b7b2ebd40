package dev.wafer.provider.tink;

import com.google.crypto.tink.subtle.EngineFactory;
import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.support.EngineChecks;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM-SIV (RFC 8452) on the {@code AES/GCM-SIV/NoPadding} cipher that Tink's
 * {@link EngineFactory#CIPHER} finds, which exists only where a JCE provider offers it (Conscrypt,
 * installed as a JCE provider): Tink has no GCM-SIV of its own. {@link #unavailableBecause()} tells
 * whether this runtime has one that really computes GCM-SIV, by a known-answer test, as Tink's
 * {@code aead.subtle.AesGcmSiv} does before it trusts such a cipher. This class is thread-safe.
 */
final class AesGcmSiv implements AeadEngine {

    static final String TRANSFORMATION = "AES/GCM-SIV/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    // RFC 8452 Appendix C.2, the vector with an 8-byte plaintext and 1-byte AAD (Wycheproof tcId 107).
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KAT_KEY = HEX.parseHex("0100000000000000000000000000000000000000000000000000000000000000");
    private static final byte[] KAT_NONCE = HEX.parseHex("030000000000000000000000");
    private static final byte[] KAT_AAD = HEX.parseHex("01");
    private static final byte[] KAT_PLAINTEXT = HEX.parseHex("0200000000000000");
    private static final byte[] KAT_SEALED = HEX.parseHex("1de22967237a813291213f267e3b452f02d01ae33e4ec854");

    private static final ThreadLocal<Cipher> SIV = new ThreadLocal<>();

    private final SecretKeySpec key;

    AesGcmSiv(byte[] key) throws InvalidKeyException {
        this.key = new SecretKeySpec(EngineChecks.aes256Key(key, SealingAlgorithm.AES_256_GCM_SIV), "AES");
    }

    /**
     * Tells why this runtime cannot run AES-256-GCM-SIV, if it cannot: no JCE provider offers the
     * cipher, or the one offered fails the RFC 8452 known answer.
     *
     * @return empty if the cipher is there and computes GCM-SIV, else the reason
     */
    static Optional<String> unavailableBecause() {
        Cipher cipher;
        try {
            cipher = EngineFactory.CIPHER.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException absent) {
            return Optional.of("AES-256-GCM-SIV is not available in the Tink provider: Tink needs a JCE provider"
                    + " with " + TRANSFORMATION + " (Conscrypt, installed with Security.insertProviderAt), and this"
                    + " runtime has none; add wafer-provider-bc");
        }
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KAT_KEY, "AES"), new GCMParameterSpec(TAG_BITS, KAT_NONCE));
            cipher.updateAAD(KAT_AAD);
            if (MessageDigest.isEqual(KAT_SEALED, cipher.doFinal(KAT_PLAINTEXT))) {
                return Optional.empty();
            }
        } catch (GeneralSecurityException | RuntimeException wrong) {
            // falls through: a cipher that cannot run the vector does not compute GCM-SIV either
        }
        return Optional.of("AES-256-GCM-SIV is not available in the Tink provider: the " + TRANSFORMATION
                + " cipher of JCE provider " + cipher.getProvider().getName()
                + " fails the RFC 8452 known-answer test; add wafer-provider-bc");
    }

    @Override
    public SealingAlgorithm algorithm() {
        return SealingAlgorithm.AES_256_GCM_SIV;
    }

    /** Encrypts; the JCE requires {@code doFinal} to be copy-safe, so {@code in == out} is fine. */
    @Override
    public void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        init(Cipher.ENCRYPT_MODE, nonce, nonceOff, aad, aadOff, aadLen).doFinal(in, inOff, inLen, out, outOff);
    }

    @Override
    public void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                     byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException {
        Cipher cipher = init(Cipher.DECRYPT_MODE, nonce, nonceOff, aad, aadOff, aadLen);
        try {
            cipher.doFinal(in, inOff, inLen, out, outOff);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (BadPaddingException e) {
            // A provider that reports a failed tag with the broader type still means a bad tag.
            AEADBadTagException bad = new AEADBadTagException("AES-256-GCM-SIV tag does not verify");
            bad.initCause(e);
            throw bad;
        }
    }

    @Override
    public String toString() {
        return "AesGcmSiv[tink]";
    }

    private Cipher init(int mode, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen)
            throws GeneralSecurityException {
        Cipher cipher = SIV.get();
        if (cipher == null) {
            cipher = EngineFactory.CIPHER.getInstance(TRANSFORMATION);
            SIV.set(cipher);
        }
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce, nonceOff, NONCE_BYTES));
        if (aadLen > 0) {
            cipher.updateAAD(aad, aadOff, aadLen);
        }
        return cipher;
    }
}
