package dev.wafer.provider.tink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.SealingAlgorithm;
import dev.wafer.conformance.WycheproofAesGcmSivConformance;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.WaferProvider;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof's AES-GCM-SIV vectors on the Tink provider in a runtime that offers
 * {@code AES/GCM-SIV/NoPadding}: BouncyCastle's JCA provider, installed for this class only, stands
 * in for Conscrypt (which ships native code and is not a dependency here). Tink's
 * {@code EngineFactory} finds the cipher, the provider's known-answer probe accepts it, and the
 * provider lists the algorithm. Only {@link #spi()} is used, never discovery, whose cached provider
 * must not see the JCE provider this class adds and removes.
 */
class TinkWycheproofAesGcmSivWithBcJceTest extends WycheproofAesGcmSivConformance {

    private static final int TAG_BYTES = 16;

    @BeforeAll
    static void installAJceProviderWithGcmSiv() {
        assertTrue(Security.addProvider(new BouncyCastleProvider()) != -1,
                "BouncyCastle's JCA provider was already installed");
    }

    @AfterAll
    static void removeIt() {
        Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
    }

    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }

    @Test
    void listsGcmSivWhileAJceProviderOffersIt() {
        assertTrue(supports(SealingAlgorithm.AES_256_GCM_SIV));
        assertEquals(90, spi().priority(SealingAlgorithm.AES_256_GCM_SIV));
    }

    @Test
    void sealsAndOpensGcmSivInPlaceAtAnOffset() throws GeneralSecurityException {
        AeadEngine engine = spi().newAeadEngine(SealingAlgorithm.AES_256_GCM_SIV, filled(32, 0x42));
        byte[] nonce = filled(12, 0x07);
        byte[] aad = filled(9, 0x11);
        byte[] plaintext = filled(200, 0x33);
        byte[] buffer = new byte[3 + 200 + TAG_BYTES];
        System.arraycopy(plaintext, 0, buffer, 3, 200);

        engine.seal(nonce, 0, aad, 0, aad.length, buffer, 3, 200, buffer, 3);
        assertFalse(Arrays.equals(plaintext, Arrays.copyOfRange(buffer, 3, 203)));
        byte[] tampered = buffer.clone();
        tampered[10] ^= 1;
        assertThrows(AEADBadTagException.class,
                () -> engine.open(nonce, 0, aad, 0, aad.length, tampered, 3, 200 + TAG_BYTES, new byte[200], 0));
        engine.open(nonce, 0, aad, 0, aad.length, buffer, 3, 200 + TAG_BYTES, buffer, 3);

        assertArrayEquals(plaintext, Arrays.copyOfRange(buffer, 3, 203));
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
