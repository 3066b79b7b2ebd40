package dev.wafer.provider.accp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.KeyException;
import dev.wafer.SigningAlgorithm;
import dev.wafer.VerificationKey;
import dev.wafer.VerificationKeySet;
import dev.wafer.Wafer;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.EncodedPublicKey;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ACCP's Ed25519 against the JDK's, and the small-order keys it would accept without the api. */
class AccpEd25519Test {
    private static final HexFormat HEX = HexFormat.of();
    private final AccpProvider provider = new AccpProvider();

    @Test
    void signsByteForByteAsTheJdkDoes() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] message = new byte[random.nextInt(2048)];
            random.nextBytes(message);
            Signature jdk = Signature.getInstance("Ed25519"); // SunEC
            jdk.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)));
            jdk.update(message);
            SignerEngine accp = provider.newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(seed.clone()));
            assertArrayEquals(jdk.sign(), accp.sign(message, 0, message.length), "seed " + i + ", " + message.length + " bytes");
        }
    }

    /**
     * The forgery that makes the api's key check necessary: with the identity point as public key,
     * R = identity and S = 0 satisfy ACCP's verification equation for every message.
     */
    @Test
    void accpAloneAcceptsTheIdentityPointForgery() throws Exception {
        byte[] identity = HEX.parseHex("0100000000000000000000000000000000000000000000000000000000000000");
        byte[] forged = new byte[64];
        forged[0] = 1;
        VerifierEngine engine = provider.newVerifier(SigningAlgorithm.ED25519, new EncodedPublicKey(identity));
        for (String message : new String[] {"{\"sub\":\"admin\"}", "anything at all"}) {
            byte[] m = message.getBytes(StandardCharsets.UTF_8);
            assertDoesNotThrow(() -> engine.verify(forged, m, 0, m.length), "the primitive accepts it: " + message);
        }
    }

    /**
     * Every kind of point of small order, as a JWK: the identity (order 1), y = -1 (order 2), y = 0
     * (order 4); the api refuses each at import, with ACCP the provider Wafer would verify on.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"})
    void aKeyOfSmallOrderIsRefusedAtImportWithAccpInstalled(String hex) {
        assertEquals("accp", Wafer.engines().servedBy(SigningAlgorithm.ED25519), "ACCP would verify");
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(HEX.parseHex(hex));
        String jwks = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"small\",\"x\":\"" + x + "\"}]}";
        KeyException e = assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(jwks));
        assertTrue(e.getMessage().startsWith("key small: the Ed25519 public key is a point of small order"), e.getMessage());
        assertThrows(KeyException.class, () -> VerificationKey.ed25519("small", HEX.parseHex(hex)));
    }
}
