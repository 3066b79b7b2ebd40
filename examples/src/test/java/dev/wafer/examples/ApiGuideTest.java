package dev.wafer.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.InvalidTokenException;
import dev.wafer.KeyException;
import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.UnknownKeyIdException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/api.md: each snippet is ApiGuide's, word for word, and does what the guide says. */
class ApiGuideTest {
    private static final Path GUIDE = Path.of("../docs/api.md");
    private static final Path SOURCE = Path.of("src/main/java/dev/wafer/examples/ApiGuide.java");

    @TempDir
    Path dir;

    /** The regions of ApiGuide.java between SNIPPET-BEGIN and SNIPPET-END, dedented. */
    private static Map<String, String> sourceSnippets() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?s)// SNIPPET-BEGIN ([a-z-]+)\\n(.*?)\\n\\s*// SNIPPET-END \\1").matcher(Files.readString(SOURCE));
        while (m.find()) {
            List<String> lines = m.group(2).lines().toList();
            int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
            List<String> dedented = new ArrayList<>();
            lines.forEach(l -> dedented.add(l.isBlank() ? "" : l.substring(indent)));
            out.put(m.group(1), String.join("\n", dedented));
        }
        return out;
    }

    private static Map<String, String> guideSnippets() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?s)<!-- snippet: ([a-z-]+) -->\\n```java\\n(.*?)\\n```").matcher(Files.readString(GUIDE));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void everySnippetInTheGuideIsTheCodeThatRuns() throws IOException {
        Map<String, String> source = sourceSnippets();
        Map<String, String> guide = guideSnippets();
        assertEquals(source.keySet(), guide.keySet(), "the same snippets, in the same order");
        assertEquals(7, guide.size());
        for (String name : guide.keySet()) {
            assertEquals(source.get(name), guide.get(name), "docs/api.md snippet '" + name + "' differs from ApiGuide.java");
        }
    }

    @Test
    void openAndResealOpensReportsReNewsAndRejects() {
        SealingKeySet keys = SealingKeySet.generate();
        CookieSealer old = CookieSealer.builder(keys).build();
        String sealed = old.seal("user=42", SealContext.of("session"));
        Map<String, String> set = new LinkedHashMap<>();
        CookieSealer sealer = old.withKeys(keys.rotate().keySet());
        assertEquals(Optional.of("user=42"), ApiGuide.session(sealer, sealed, set::put));
        assertEquals(List.of("session"), List.copyOf(set.keySet()), "an old key's value is resealed");
        assertEquals(sealer.keys().primary().keyId(), sealer.open(set.get("session"), SealContext.of("session")).keyId());
        set.clear();
        String current = sealer.seal("user=42", SealContext.of("session"));
        assertEquals(Optional.of("user=42"), ApiGuide.session(sealer, current, set::put));
        assertTrue(set.isEmpty(), "a value under the primary is left alone");
        assertEquals(Optional.empty(), ApiGuide.session(sealer, sealed.substring(1), set::put), "tampered");
        assertEquals(Optional.empty(), ApiGuide.session(sealer, old.seal("user=42", SealContext.of("csrf")), set::put), "another cookie's");
        String binary = sealer.seal(new byte[] {(byte) 0xff}, SealContext.of("session"));
        assertEquals(Optional.empty(), ApiGuide.session(sealer, binary, set::put),
                "text() is strict, and bytes that are not text are rejected input like any other");
    }

    @Test
    void readClaimsReadsTypedClaimsAndRefusesAWrongType() {
        SigningKeySet keys = SigningKeySet.generate();
        TokenSigner signer = ApiGuide.signer(keys);
        TokenVerifier verifier = TokenVerifier.builder(keys.publicKeys()).issuer("https://login.example").audience("api").build();
        String token = signer.sign(Claims.builder().subject("42").audience("api").claim("role", "admin").claim("tenant", 7).build());
        assertEquals("42 [api] admin 7", ApiGuide.role(verifier, token));
        assertEquals("42 [api] user 0", ApiGuide.role(verifier, signer.sign(Claims.builder().subject("42").audience("api").build())));
        String wrongType = signer.sign(Claims.builder().subject("42").audience("api").claim("role", 1).build());
        assertThrows(InvalidTokenException.class, () -> ApiGuide.role(verifier, wrongType));
    }

    @Test
    void theHttpMappingGivesEachBranchItsStatus() {
        SealingKeySet keys = SealingKeySet.generate();
        CookieSealer sealer = CookieSealer.builder(keys).build();
        assertEquals(200, ApiGuide.status(() -> sealer.open(sealer.seal("v", SealContext.of("s")), SealContext.of("s"))));
        assertEquals(401, ApiGuide.status(() -> sealer.open("garbage", SealContext.of("s"))));
        assertEquals(500, ApiGuide.status(() -> sealer.seal(new byte[5000], SealContext.of("s"))));
        assertEquals(500, ApiGuide.status(() -> sealer.seal("v", SealContext.of("s"), Duration.ofDays(4000))));
        assertEquals(503, ApiGuide.status(() -> SealingKeySet.fromJwkSet("{\"keys\":[]}")));
        assertThrows(NullPointerException.class, () -> ApiGuide.status(() -> sealer.seal("v", null)),
                "a programming error is none of the three");
    }

    @Test
    void theJwksConsumerRefetchesOnAnUnknownKeyIdOnly() {
        SigningKeySet keys = SigningKeySet.generate();
        SigningKeySet rotated = keys.rotate().keySet();
        String[] published = {keys.publicKeys().toJwkSet()};
        AtomicInteger fetches = new AtomicInteger();
        String fresh = TokenSigner.builder(rotated).issuer("https://login.example").build()
                .sign(Claims.builder().subject("42").audience("api").build());
        published[0] = keys.publicKeys().toJwkSet();
        java.util.function.Supplier<String> jwks = () -> {
            fetches.incrementAndGet();
            String now = published[0];
            published[0] = rotated.publicKeys().toJwkSet(); // the issuer publishes its rotation
            return now;
        };
        assertEquals("42", ApiGuide.verifyWithRefetch(jwks, fresh).subject().orElseThrow());
        assertEquals(2, fetches.get(), "the unknown kid made it refetch once");
        fetches.set(0);
        int at = fresh.lastIndexOf('.') + 10; // inside the signature: a valid encoding, a wrong signature
        String forged = fresh.substring(0, at) + (fresh.charAt(at) == 'A' ? 'B' : 'A') + fresh.substring(at + 1);
        published[0] = rotated.publicKeys().toJwkSet();
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> ApiGuide.verifyWithRefetch(jwks, forged));
        assertFalse(e instanceof UnknownKeyIdException);
        assertEquals(1, fetches.get(), "a bad signature is final: no refetch");
    }

    @Test
    void rotatingAKeyFileKeepsOldValuesOpenAndRefusesARollBack() throws IOException {
        MasterKey master = MasterKey.generate();
        Path file = dir.resolve("cookie.jwks");
        SealingKeySet first = SealingKeySet.generate();
        String generation1 = KeyFiles.create().seal(first.toJwkSet(), master, 1);
        KeyFiles.write(file, generation1, KeyFiles.Overwrite.REFUSE);
        CookieSealer sealer = CookieSealer.builder(first).build();
        String before = sealer.seal("user=42", SealContext.of("session"));
        CookieSealer rotated = ApiGuide.rotate(file, master, sealer);
        assertNotEquals(first.primary().keyId(), rotated.keys().primary().keyId());
        assertEquals("user=42", rotated.open(before, SealContext.of("session")).text());
        assertTrue(rotated.open(before, SealContext.of("session")).shouldReseal());
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("WAFER-SEALED-JWKS-V2 sealing 2\n"));
        KeyFiles files = KeyFiles.create();
        files.readSealingKeySet(file, master);
        Files.writeString(file, generation1);
        assertThrows(KeyException.class, () -> files.readSealingKeySet(file, master), "an older copy put back is refused");
    }

    @Test
    void aDecoratedSealerCountsRejectionsAndSealsAsItsDelegate() {
        CookieSealer plain = CookieSealer.builder(SealingKeySet.generate()).build();
        ApiGuide.CountingSealer counting = new ApiGuide.CountingSealer(plain);
        String sealed = counting.seal("v", SealContext.of("s"));
        assertEquals("v", plain.open(sealed, SealContext.of("s")).text());
        assertThrows(InvalidSealedValueException.class, () -> counting.open(sealed, SealContext.of("other")));
        assertThrows(InvalidSealedValueException.class, () -> counting.open("x", SealContext.of("s")));
        assertEquals(2, counting.rejected.get());
        assertTrue(counting.withKeys(plain.keys()) instanceof ApiGuide.CountingSealer);
        assertEquals(plain.maxCookieBytes(), counting.maxCookieBytes());
    }
}
