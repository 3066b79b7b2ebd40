package dev.wafer.internal;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.EncodedPublicKey;
import dev.wafer.spi.RsaPrivateKeyMaterial;
import dev.wafer.spi.RsaPublicKeyMaterial;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Known-answer tests that a provider passes for an algorithm before Wafer first uses it for that
 * algorithm. Each runs the engine through the api's own formats, checks the exact bytes of a
 * published vector (or, for randomised PS256, verifies a fixed signature and its own), and checks
 * that a modified input is rejected.
 *
 * <p>Vectors: XAES-256-GCM and AES-256-GCM (a sealed value in format v1) made for this test with
 * docs/vectors/generate_sealed_v1.py, independently of Wafer, on inputs no other test uses (SunJCE
 * refuses a GCM encryption that repeats the previous one's key and nonce on the same thread); AES-256-GCM-SIV from RFC 8452 (Wycheproof tcId 107);
 * Ed25519 from RFC 8032 §7.1 TEST 2; RS256 from RFC 7515 Appendix A.2; PS256 with the same key, a
 * signature made with pyca/cryptography.
 */
public final class SelfTest {
    private static final HexFormat HEX = HexFormat.of();

    private static final String RSA_N = "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0B"
            + "m4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5"
            + "z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7"
            + "aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
    private static final String RSA_E = "AQAB";
    private static final String RSA_D = "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2N"
            + "XOoAJe46sui395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M"
            + "_V51gfpRLI9JYanrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x"
            + "_jTj3ccPDVZFD9pIuhLhBOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ";
    private static final String RSA_P = "4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py"
            + "5PJdTJNPY8cQn7ouZ2KKDcmnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc";
    private static final String RSA_Q = "uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQ"
            + "eZD_YwD66t62wDmpe_HlB-TnBA-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc";
    private static final String RSA_DP = "BwKfV3Akq5_MFZDFZCnW-wzl-CCo83WoZvnLQwCTeDv8uzluRSnm71I3QCLdhrqE2e9YkxvuxdBfpT_PI7Yz-FOKnu"
            + "1R6HsJeDCjn12Sk3vmAktV2zb34MCdy7cpdTh_YVr7tss2u6vneTwrA86rZtu5Mbr1C1XsmvkxHQAdYo0";
    private static final String RSA_DQ = "h_96-mK1R_7glhsum81dZxjTnYynPbZpHziZjeeHcXYsXaaMwkOlODsWa7I9xXDoRwbKgB719rrmI2oKr6N3Do9U0a"
            + "jaHF-NKJnwgjMd2w9cjz3_-kyNlxAr2v4IKhGNpmM5iIgOS1VZnOZ68m6_pbLBSp3nssTdlqvd0tIiTHU";
    private static final String RSA_QI = "IYd7DHOhrWvxkwPQsRM2tOgrjbcrfvtQJipd-DlcxyVuuM9sQLdgjVk2oy26F0EmpScGLq2MowX7fhd_QJQ3ydy5cY"
            + "7YIBi87w93IKLEdfnbJtoOPLUW0ITrJReOgo1cq9SbsxYawBgfp_gh6A5603k2-ZQwVK0JKSHuLFkuQ3U";
    private static final String RS256_SIGNING_INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQog"
            + "Imh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
    private static final String RS256_SIGNATURE = "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";
    private static final String PS256_MESSAGE = "wafer self-test PS256";
    private static final String PS256_SIGNATURE = "gez9icGTZnkLKeA0J-pqce9SVpkmvZjNUN1NVJamZPCr6pCJXgOwOO-bbbiURyGcZn3taPiqJOEtOUcmn6XI0SIck3SN9jsJkjNBTr_fhas6BV2yHLkhalaavwpL0LZN61y3jq9Je8KjAVBgQW9PBKSJOd6A4haU2GhOcI-0TXUXdde7tvulriC1A1UJVRnI39O9qyEqEZRgkfr7kFVz_K1DZMtDSw-7xBLiQRfC0Zhle9kGfxvlntb1dmRzKtOVBZgQMBXQIW3crEEUTbsXs3VZ0cnoVYIuUy3-y4ieb646WclKJrv4pc9zDbYGyfWt_hUPW1oZwEPl9rU405YGNg";

    private SelfTest() {
    }

    /**
     * Runs the known-answer test of one algorithm on one provider.
     *
     * @param provider the provider
     * @param algorithm an algorithm it lists
     * @return empty if it passed, else why it failed
     */
    public static Optional<String> run(WaferProvider provider, Algorithm algorithm) {
        try {
            if (algorithm == SealingAlgorithm.XAES_256_GCM) {
                aead(provider, SealingAlgorithm.XAES_256_GCM,
                        "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
                        hex("WAFER-SELF-TEST-XAES-KAT"), hex("self-test"), hex("known answer"),
                        "fe516fa5a2d2d366085e07c6d7fe19f77343d0ae498ceac9a3906cd0");
            } else if (algorithm == SealingAlgorithm.AES_256_GCM) {
                sealedFormat(provider);
            } else if (algorithm == SealingAlgorithm.AES_256_GCM_SIV) {
                aead(provider, SealingAlgorithm.AES_256_GCM_SIV,
                        "0100000000000000000000000000000000000000000000000000000000000000",
                        "030000000000000000000000", "01", "0200000000000000",
                        "1de22967237a813291213f267e3b452f02d01ae33e4ec854");
            } else if (algorithm == SigningAlgorithm.ED25519) {
                ed25519(provider);
            } else if (algorithm == SigningAlgorithm.RS256 || algorithm == SigningAlgorithm.PS256) {
                rsa(provider, (SigningAlgorithm) algorithm);
            } else {
                return Optional.of("no known-answer test for " + algorithm.jwkName());
            }
            return Optional.empty();
        } catch (GeneralSecurityException | RuntimeException | AssertionError e) {
            return Optional.of(algorithm.jwkName() + " known-answer test failed: " + e);
        }
    }

    private static String hex(String ascii) {
        return HEX.formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private static void aead(WaferProvider p, SealingAlgorithm alg, String key, String nonce, String aad, String msg,
                             String expected) throws GeneralSecurityException {
        AeadEngine engine = p.newAeadEngine(alg, HEX.parseHex(key));
        byte[] n = HEX.parseHex(nonce);
        byte[] a = HEX.parseHex(aad);
        byte[] ct = SealedFormat.sealRaw(engine, n, HEX.parseHex(msg), a);
        check(MessageDigest.isEqual(ct, HEX.parseHex(expected)), "ciphertext differs from the vector");
        check(MessageDigest.isEqual(SealedFormat.openRaw(engine, n, ct, a), HEX.parseHex(msg)), "decryption differs");
        ct[ct.length - 1] ^= 1;
        try {
            SealedFormat.openRaw(engine, n, ct, a);
            throw new AssertionError("a modified tag was accepted");
        } catch (dev.wafer.InvalidSealedValueException expectedRejection) {
            // the engine authenticates
        }
    }

    private static void sealedFormat(WaferProvider p) throws GeneralSecurityException {
        AeadEngine engine = p.newAeadEngine(SealingAlgorithm.AES_256_GCM,
                HEX.parseHex("606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"));
        byte[] context = SealedFormat.context("wafer", "self-test");
        String sealed = SealedFormat.seal(engine, 0x5e1f7e57, 1893456000L, context,
                "wafer-kat-12".getBytes(StandardCharsets.US_ASCII), "known answer".getBytes(StandardCharsets.US_ASCII));
        check(sealed.equals("AV4fflcAAAAAcNvYgHdhZmVyLWthdC0xMrb4SmWORg2q6AJD_mZftl31dwAJ2WB8EckjMV8"),
                "sealed value differs from the vector");
        SealedFormat.Opened o = SealedFormat.open(sealed, 4096, context, 0, kid -> engine);
        check("known answer".equals(new String(o.plaintext(), StandardCharsets.US_ASCII)), "opened value differs");
    }

    private static void ed25519(WaferProvider p) throws GeneralSecurityException {
        byte[] msg = HEX.parseHex("72");
        EncodedPrivateKey seed = new EncodedPrivateKey(
                HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        SignerEngine signer = p.newSigner(SigningAlgorithm.ED25519, seed);
        seed.wipe();
        byte[] sig = signer.sign(msg, 0, msg.length);
        check(MessageDigest.isEqual(sig, HEX.parseHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")), "signature differs from RFC 8032 TEST 2");
        VerifierEngine verifier = p.newVerifier(SigningAlgorithm.ED25519, new EncodedPublicKey(
                HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")));
        Jws.TrustedKey key = new Jws.TrustedKey(SigningAlgorithm.ED25519, 64, verifier);
        Jws.verifySignature(key, sig, msg);
        rejects(key, sig, HEX.parseHex("73"));
    }

    private static void rsa(WaferProvider p, SigningAlgorithm alg) throws GeneralSecurityException {
        BigInteger n = big(RSA_N);
        BigInteger e = big(RSA_E);
        VerifierEngine verifier = p.newVerifier(alg, new RsaPublicKeyMaterial(new RSAPublicKeySpec(n, e)));
        SignerEngine signer = p.newSigner(alg, new RsaPrivateKeyMaterial(new RSAPrivateCrtKeySpec(n, e, big(RSA_D),
                big(RSA_P), big(RSA_Q), big(RSA_DP), big(RSA_DQ), big(RSA_QI))));
        Jws.TrustedKey key = new Jws.TrustedKey(alg, 256, verifier);
        byte[] msg = (alg == SigningAlgorithm.RS256 ? RS256_SIGNING_INPUT : PS256_MESSAGE).getBytes(StandardCharsets.US_ASCII);
        byte[] known = Base64Url.decode(alg == SigningAlgorithm.RS256 ? RS256_SIGNATURE : PS256_SIGNATURE);
        byte[] ours = signer.sign(msg, 0, msg.length);
        if (alg == SigningAlgorithm.RS256) {
            check(MessageDigest.isEqual(ours, known), "signature differs from RFC 7515 Appendix A.2");
        }
        Jws.verifySignature(key, known, msg);
        Jws.verifySignature(key, ours, msg);
        byte[] other = msg.clone();
        other[0] ^= 1;
        rejects(key, known, other);
    }

    private static void rejects(Jws.TrustedKey key, byte[] sig, byte[] msg) {
        try {
            Jws.verifySignature(key, sig, msg);
        } catch (dev.wafer.InvalidTokenException expected) {
            return;
        }
        throw new AssertionError("a signature over another message was accepted");
    }

    private static BigInteger big(String b64) {
        return new BigInteger(1, Base64Url.decode(b64));
    }
}
