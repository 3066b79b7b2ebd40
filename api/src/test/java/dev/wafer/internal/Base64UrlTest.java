package dev.wafer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

    @Test
    void roundTripsEveryLengthLikeTheJdk() {
        Random r = new Random(1);
        for (int n = 0; n < 64; n++) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            String text = Base64Url.encode(b);
            assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(b), text);
            assertEquals(text.length(), Base64Url.encodedLength(n));
            assertArrayEquals(b, Base64Url.decode(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB==", "AB=", "ABC=", "A", "AAAAA", "AB+C", "AB/C", "AB C", "AB.C", "AB\u00e9C", "AR", "AAB", "AQ==" })
    void rejectsPaddingForeignCharactersImpossibleLengthsAndNonZeroTrailingBits(String text) {
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(text));
    }

    @Test
    void rejectsAnEqualsSignAnywhere() {
        // Only the last character is checked for '=' before the JDK decoder, which refuses it elsewhere.
        String valid = Base64Url.encode(new byte[40]);
        for (int len = 2; len <= valid.length(); len++) {
            String text = valid.substring(0, len);
            for (int i = 0; i < len; i++) {
                for (String pad : new String[] {"=", "=="}) {
                    String bad = text.substring(0, i) + pad + text.substring(Math.min(len, i + pad.length()));
                    assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(bad), bad);
                    String inserted = text.substring(0, i) + pad + text.substring(i);
                    assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(inserted), inserted);
                }
            }
        }
    }

    @Test
    void acceptsExactlyTheCanonicalLastCharacters() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int accepted2 = 0;
        int accepted3 = 0;
        for (char c : alphabet.toCharArray()) {
            try {
                Base64Url.decode("A" + c);
                accepted2++;
            } catch (IllegalArgumentException e) {
                // non-canonical
            }
            try {
                Base64Url.decode("AA" + c);
                accepted3++;
            } catch (IllegalArgumentException e) {
                // non-canonical
            }
        }
        assertEquals(4, accepted2, "one byte leaves 4 unused bits: 64 / 16 characters are canonical");
        assertEquals(16, accepted3, "two bytes leave 2 unused bits: 64 / 4 characters are canonical");
    }
}
