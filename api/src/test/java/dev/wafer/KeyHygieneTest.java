package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wafer.conformance.Secrets;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.SignerEngine;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * Key hygiene of the public api: every class of {@code dev.wafer} that holds key bytes (or opened,
 * secret values) is a final class, not a record, and its {@code toString}, {@code equals} and
 * {@code hashCode} reveal nothing of the key; secrets are compared with
 * {@link java.security.MessageDigest#isEqual}. The classes are found by reflection, so a new one
 * that holds a key and is not checked here fails {@link #everyClassThatHoldsKeyBytesIsChecked()}.
 * CookieSealer and TokenSigner need a provider: {@code KeyHygieneConformance} checks them.
 */
class KeyHygieneTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Types whose instances are, or directly hold, secret key material. */
    private static final Set<String> SECRET_TYPES = Set.of(
            "dev.wafer.SealingKey", "dev.wafer.SigningKey", "dev.wafer.MasterKey",
            "dev.wafer.spi.EncodedPrivateKey", "dev.wafer.spi.RsaPrivateKeyMaterial",
            AeadEngine.class.getName(), SignerEngine.class.getName(),
            RSAPrivateCrtKeySpec.class.getName(), PrivateKey.class.getName(), RSAPrivateCrtKey.class.getName(),
            SecretKey.class.getName());

    /** Classes that hold secret data other than keys: the opened value of a cookie. */
    private static final Set<String> SECRET_DATA = Set.of("dev.wafer.OpenedValue");

    /** Every class the checks below cover, and where. */
    private static final Map<String, String> CHECKED = Map.ofEntries(
            Map.entry("dev.wafer.SealingKey", "sealingKeysShowNoKeyBytes"),
            Map.entry("dev.wafer.SigningKey", "signingKeysShowNoPrivateKeyBytes"),
            Map.entry("dev.wafer.SealingKeySet", "keySetsShowNoKeyBytes"),
            Map.entry("dev.wafer.SigningKeySet", "keySetsShowNoKeyBytes"),
            Map.entry("dev.wafer.Keys", "keySetsShowNoKeyBytes (through its owners' toString)"),
            Map.entry("dev.wafer.MasterKey", "masterKeysShowNoKeyBytes"),
            Map.entry("dev.wafer.OpenedValue", "openedValuesShowNoValue"),
            Map.entry("dev.wafer.KeyChange", "keySetsShowNoKeyBytes"),
            Map.entry("dev.wafer.DefaultCookieSealer", "KeyHygieneConformance (needs a provider)"),
            Map.entry("dev.wafer.CookieSealer$Builder", "KeyHygieneConformance (needs a provider)"),
            Map.entry("dev.wafer.DefaultTokenSigner", "KeyHygieneConformance (needs a provider)"),
            Map.entry("dev.wafer.TokenSigner$Builder", "KeyHygieneConformance (needs a provider)"),
            Map.entry("dev.wafer.spi.EncodedPrivateKey", "keyMaterialShowsNoKeyBytes"),
            Map.entry("dev.wafer.spi.support.JceAesGcm", "supportEnginesShowNoKeyBytes"),
            Map.entry("dev.wafer.spi.support.XaesGcm", "supportEnginesShowNoKeyBytes"),
            Map.entry("dev.wafer.spi.support.DerivedKeyCache", "supportEnginesShowNoKeyBytes"),
            Map.entry("dev.wafer.spi.support.DerivedKeyCache$Lease", "supportEnginesShowNoKeyBytes"),
            Map.entry("dev.wafer.spi.support.JceAesGcm$DerivedKey", "supportEnginesShowNoKeyBytes"),
            Map.entry("dev.wafer.spi.support.JceAesGcm$WipeableAesKey", "supportEnginesShowNoKeyBytes"),
            Map.entry("dev.wafer.spi.RsaPrivateKeyMaterial", "keyMaterialShowsNoKeyBytes"));

    // ---- which classes hold keys ----------------------------------------------------------------

    /** Every class of the packages users and providers see: {@code dev.wafer}, {@code dev.wafer.spi}, its support. */
    static List<Class<?>> apiClasses() throws IOException, URISyntaxException {
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : List.of("dev/wafer", "dev/wafer/spi", "dev/wafer/spi/support")) {
            classes.addAll(classesOf(pkg));
        }
        return classes;
    }

    private static List<Class<?>> classesOf(String pkg) throws IOException, URISyntaxException {
        Path where = Paths.get(Wafer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.list(where.resolve(pkg))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).forEach(names::add);
            }
        } else {
            try (ZipFile jar = new ZipFile(where.toFile())) {
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(pkg + "/") && n.indexOf('/', pkg.length() + 1) < 0 && n.endsWith(".class"))
                        .map(n -> n.substring(pkg.length() + 1)).forEach(names::add);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            if (n.equals("package-info.class") || n.matches(".*\\$\\d+\\.class")) {
                continue; // anonymous classes hold what their enclosing class holds
            }
            try {
                classes.add(Class.forName(pkg.replace('/', '.') + "." + n.substring(0, n.length() - ".class".length()),
                        false, Wafer.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return classes;
    }

    private static void typeNames(Type t, Set<String> out) {
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            out.add(c.isArray() ? c.getComponentType().getName() + "[]" : c.getName());
        } else if (t instanceof ParameterizedType) {
            typeNames(((ParameterizedType) t).getRawType(), out);
            for (Type a : ((ParameterizedType) t).getActualTypeArguments()) {
                typeNames(a, out);
            }
        }
    }

    /** The classes that hold key bytes directly or through another such class, to a fixpoint. */
    static Set<Class<?>> keyHolders(List<Class<?>> classes) {
        Set<String> secret = new LinkedHashSet<>(SECRET_TYPES);
        Set<Class<?>> holders = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Class<?> c : classes) {
                if (holders.contains(c) || c.isInterface()) {
                    continue;
                }
                boolean holds = secret.contains(c.getName()) || SECRET_DATA.contains(c.getName());
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    Set<String> types = new TreeSet<>();
                    typeNames(f.getGenericType(), types);
                    // a type parameter K of Keys<K> is a key when Keys is instantiated with one
                    if (types.stream().anyMatch(secret::contains) || (c.getTypeParameters().length > 0 && f.getGenericType()
                            .getTypeName().matches(".*\\b" + c.getTypeParameters()[0].getName() + "\\b.*"))) {
                        holds = true;
                    }
                }
                if (holds) {
                    holders.add(c);
                    secret.add(c.getName());
                    grew = true;
                }
            }
        }
        return holders;
    }

    @Test
    void findsTheClassesThatHoldKeys() throws Exception {
        Set<String> found = keyHolders(apiClasses()).stream().map(Class::getName).collect(Collectors.toSet());
        for (String expected : List.of("dev.wafer.SealingKey", "dev.wafer.SigningKey", "dev.wafer.SealingKeySet",
                "dev.wafer.SigningKeySet", "dev.wafer.DefaultCookieSealer", "dev.wafer.DefaultTokenSigner",
                "dev.wafer.OpenedValue", "dev.wafer.KeyChange", "dev.wafer.spi.EncodedPrivateKey")) {
            assertTrue(found.contains(expected), expected + " holds key bytes but the scan missed it: " + found);
        }
    }

    @Test
    void everyClassThatHoldsKeyBytesIsAFinalClassNotARecord() throws Exception {
        for (Class<?> c : keyHolders(apiClasses())) {
            assertTrue(Modifier.isFinal(c.getModifiers()), c.getName() + " holds key bytes and is not final");
            assertFalse(c.isRecord(), c.getName() + " holds key bytes in a record, whose generated methods show them");
        }
    }

    @Test
    void everyClassThatHoldsKeyBytesIsChecked() throws Exception {
        for (Class<?> c : keyHolders(apiClasses())) {
            boolean ownsObjectMethods = Stream.of("toString", "hashCode").anyMatch(m -> declares(c, m))
                    || declaresEquals(c);
            if (ownsObjectMethods && !CHECKED.containsKey(c.getName())) {
                fail(c.getName() + " holds key bytes and declares toString, equals or hashCode: add a check here");
            }
            if (declaresEquals(c)) {
                assertTrue(declares(c, "hashCode"), c.getName() + " declares equals without hashCode");
            }
        }
    }

    private static boolean declares(Class<?> c, String method) {
        try {
            return c.getDeclaredMethod(method) != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean declaresEquals(Class<?> c) {
        try {
            return c.getDeclaredMethod("equals", Object.class) != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    // ---- what each one shows --------------------------------------------------------------------

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Test
    void sealingKeysShowNoKeyBytes() {
        for (SealingAlgorithm alg : List.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM, SealingAlgorithm.AES_256_GCM_SIV)) {
            byte[] a = random(32);
            byte[] b = random(32);
            SealingKey ka = SealingKey.of(alg, "0a1b2c3d", a);
            SealingKey kb = SealingKey.of(alg, "0a1b2c3d", b);
            Secrets.assertNotIn(a, ka.toString(), String.valueOf(ka.hashCode()), Integer.toHexString(ka.hashCode()));
            assertEquals(ka.toString(), kb.toString(), "toString does not depend on key bytes");
            assertEquals(ka.hashCode(), kb.hashCode(), "hashCode uses key id and algorithm only, as documented");
            assertNotEquals(ka, kb);
            assertEquals(ka, SealingKey.of(alg, "0a1b2c3d", a.clone()));
            // the same bytes under another id are another key
            assertNotEquals(ka, SealingKey.of(alg, "0a1b2c3e", a));
        }
    }

    @Test
    void signingKeysShowNoPrivateKeyBytes() {
        byte[] seedA = random(32);
        byte[] seedB = random(32);
        SigningKey a = SigningKey.ed25519("k1", seedA);
        SigningKey b = SigningKey.ed25519("k1", seedB);
        Secrets.assertNotIn(seedA, a.toString(), a.publicKey().toString());
        assertEquals(a.toString(), b.toString());
        assertEquals(a.hashCode(), b.hashCode(), "hashCode never reads private parts, as documented");
        assertNotEquals(a, b);
        assertEquals(a, SigningKey.ed25519("k1", seedA.clone(), a.publicKey().ed25519Bytes()));

        SigningKey rsa = SigningKey.generateRsa(SigningAlgorithm.RS256, 2048);
        RSAPrivateCrtKeySpec s = rsa.rsaSpec();
        for (BigInteger part : List.of(s.getPrivateExponent(), s.getPrimeP(), s.getPrimeQ(), s.getPrimeExponentP(),
                s.getPrimeExponentQ(), s.getCrtCoefficient())) {
            Secrets.assertNotIn(VerificationKey.unsigned(part), rsa.toString(), rsa.publicKey().toString(),
                    String.valueOf(rsa.hashCode()));
            assertFalse(rsa.toString().contains(part.toString()) || rsa.toString().contains(part.toString(16)),
                    "a private RSA part in decimal or hex");
        }
    }

    @Test
    void keySetsShowNoKeyBytes() {
        SealingKeySet ring = SealingKeySet.generate().rotate(SealingAlgorithm.AES_256_GCM).keySet().rotate(SealingAlgorithm.AES_256_GCM_SIV).keySet();
        String jwks = ring.toJwkSet();
        for (SealingKey k : ring.keys()) {
            Secrets.assertNotIn(k.copyBytes(), ring.toString(), k.toString(), ring.plan(Instant.now()).toString(),
                    ring.statusOf(k.keyId()).toString());
        }
        assertTrue(jwks.contains("\"k\":"), "the private JWK Set is where key bytes are meant to go");
        // identity: two key sets differing only in key bytes are not equal, and hash alike or by identity
        assertFalse(declaresEquals(SealingKeySet.class) && ring.equals(SealingKeySet.fromJwkSet(jwks.replaceFirst(
                "\"k\":\"[^\"]+\"", "\"k\":\"" + dev.wafer.internal.Base64Url.encode(random(32)) + "\""))));

        SigningKeySet keys = SigningKeySet.generate().rotate(SigningAlgorithm.PS256).keySet();
        for (SigningKey k : keys.keys()) {
            byte[] secret = k.algorithm() == SigningAlgorithm.ED25519 ? k.ed25519Seed()
                    : VerificationKey.unsigned(k.rsaSpec().getPrivateExponent());
            Secrets.assertNotIn(secret, keys.toString(), keys.publicKeys().toString(), keys.publicKeys().toJwkSet(),
                    keys.plan(Instant.now()).toString());
        }
    }

    @Test
    void masterKeysShowNoKeyBytes() throws Exception {
        Class<?> type;
        try {
            type = Class.forName("dev.wafer.MasterKey");
        } catch (ClassNotFoundException notYet) {
            return; // the class arrives with key files sealed at rest
        }
        Method of = type.getMethod("of", byte[].class);
        byte[] a = random(32);
        byte[] b = random(32);
        Object ka = of.invoke(null, (Object) a.clone());
        Object kb = of.invoke(null, (Object) b.clone());
        Secrets.assertNotIn(a, ka.toString(), String.valueOf(ka.hashCode()));
        assertEquals(ka.toString(), kb.toString());
        if (declares(type, "hashCode")) {
            Object kc = of.invoke(null, (Object) a.clone());
            assertEquals(ka.hashCode(), kb.hashCode(), "a hashCode of a master key must not depend on its bytes");
            assertEquals(ka, kc);
        }
        assertNotEquals(ka, kb);
    }

    @Test
    void openedValuesShowNoValue() {
        byte[] value = random(64);
        OpenedValue v = new OpenedValue(value, Instant.parse("2026-11-29T12:00:00Z"), "0a1b2c3d", false);
        Secrets.assertNotIn(value, v.toString());
        String text = "user=42;role=admin;session=3f9d2c";
        OpenedValue t = new OpenedValue(text.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, "00000001", true);
        assertFalse(t.toString().contains("role=admin"), t.toString());
    }

    // ---- constant-time comparison, read from the source ---------------------------------------

    /** Classes whose {@code equals} compares secret bytes, and must do it with MessageDigest.isEqual. */
    private static final List<String> SECRET_EQUALS = List.of("SealingKey", "SigningKey", "MasterKey");

    /** Files that may compare bytes with a non-constant-time method, and why. */
    private static final Map<String, String> PUBLIC_COMPARISONS = Map.of(
            "VerificationKey.java", "public keys are not secret: Arrays.equals on the Ed25519 public key",
            "DerivedKeyCache.java", "nonce prefixes travel in the clear in every sealed value: Arrays.equals on the prefix");

    private static Path mainSources() {
        for (Path p : List.of(Paths.get("src/main/java"), Paths.get("../api/src/main/java"))) {
            if (Files.isDirectory(p.resolve("dev/wafer"))) {
                return p;
            }
        }
        throw new org.opentest4j.TestAbortedException("api sources not found from " + Paths.get("").toAbsolutePath());
    }

    @Test
    void comparesSecretsOnlyInConstantTime() throws IOException {
        Path src = mainSources();
        Pattern variableTime = Pattern.compile("Arrays\\.equals\\(|Arrays\\.mismatch\\(|Arrays\\.compare\\(|"
                + "Arrays\\.hashCode\\(|Arrays\\.toString\\(|new String\\((key|seed|secret|k|d)\\b|ByteBuffer\\.wrap\\([^)]*\\)\\.equals");
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                String name = f.getFileName().toString();
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("*") || line.startsWith("//")) {
                        continue;
                    }
                    Matcher m = variableTime.matcher(line);
                    if (m.find() && !PUBLIC_COMPARISONS.containsKey(name)) {
                        offences.add(src.relativize(f) + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), offences, "variable-time comparison or rendering of bytes outside the allow-list");
    }

    @Test
    void secretEqualsMethodsUseMessageDigestIsEqual() throws IOException {
        Path src = mainSources();
        for (String cls : SECRET_EQUALS) {
            Path f = src.resolve("dev/wafer/" + cls + ".java");
            if (!Files.exists(f)) {
                continue;
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Optional<String> equals = methodBody(text, "public boolean equals(Object");
            if (equals.isEmpty()) {
                continue; // identity equality compares no bytes
            }
            assertTrue(equals.get().contains("MessageDigest.isEqual("), cls + ".equals compares secrets without MessageDigest.isEqual");
            assertFalse(equals.get().matches("(?s).*\\b(key|seed|secret)\\s*\\[.*"), cls + ".equals indexes key bytes itself");
            methodBody(text, "public int hashCode()").ifPresent(h -> assertFalse(
                    h.matches("(?s).*\\b(key|seed|rsa)\\b.*"), cls + ".hashCode reads key material: " + h));
        }
    }

    /** The body of the first method whose declaration contains the signature, braces balanced. */
    private static Optional<String> methodBody(String source, String signature) {
        int at = source.indexOf(signature);
        if (at < 0) {
            return Optional.empty();
        }
        int open = source.indexOf('{', at);
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return Optional.of(source.substring(open, i + 1));
            }
        }
        return Optional.empty();
    }

    @Test
    void keyMaterialShowsNoKeyBytes() {
        byte[] seed = random(32);
        dev.wafer.spi.EncodedPrivateKey k = new dev.wafer.spi.EncodedPrivateKey(seed);
        Secrets.assertNotIn(seed, k.toString());
        assertEquals("EncodedPrivateKey[32 bytes]", k.toString());
        k.wipe();
        assertArrayEquals(new byte[32], k.encoded(), "wipe zeroes the holder's copy");
        assertFalse(java.util.Arrays.equals(new byte[32], seed), "and never the caller's array");
        SigningKey rsa = SigningKey.generateRsa(SigningAlgorithm.RS256, 2048);
        dev.wafer.spi.RsaPrivateKeyMaterial m = new dev.wafer.spi.RsaPrivateKeyMaterial(rsa.rsaSpec());
        assertEquals("RsaPrivateKeyMaterial[2048 bits]", m.toString());
        KeyChange<SealingKeySet> change = SealingKeySet.generate().rotate();
        assertTrue(change.toString().startsWith("KeyChange[keyId=" + change.keyId() + ", SealingKeySet[primary="),
                change.toString());
    }

    @Test
    void supportEnginesShowNoKeyBytes() throws Exception {
        byte[] key = random(32);
        dev.wafer.spi.support.JceAesGcm gcm = dev.wafer.spi.support.JceAesGcm.create(key,
                javax.crypto.Cipher::getInstance, "test");
        Secrets.assertNotIn(key, gcm.toString());
        assertEquals("AesGcm[test]", gcm.toString());
        dev.wafer.spi.support.XaesGcm<byte[]> xaes = new dev.wafer.spi.support.XaesGcm<>(
                new dev.wafer.spi.support.XaesGcm.Parts<byte[]>() {
                    @Override
                    public byte[] deriveKey(byte[] nonce, int nonceOff) {
                        return key.clone();
                    }

                    @Override
                    public byte[] gcmKey(byte[] derived) {
                        return derived.clone();
                    }

                    @Override
                    public void seal(byte[] k, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                                     byte[] in, int inOff, int inLen, byte[] out, int outOff) {
                    }

                    @Override
                    public void open(byte[] k, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                                     byte[] in, int inOff, int inLen, byte[] out, int outOff) {
                    }
                }, "test");
        xaes.seal(new byte[24], 0, new byte[0], 0, 0, new byte[0], 0, 0, new byte[16], 0);
        Secrets.assertNotIn(key, xaes.toString());
        assertEquals("XaesGcm[test]", xaes.toString());
        dev.wafer.spi.support.DerivedKeyCache<byte[]> cache = new dev.wafer.spi.support.DerivedKeyCache<>(12, 8,
                (n, o) -> key, k -> { });
        assertEquals("DerivedKeyCache[capacity=8, hits=0, misses=0]", cache.toString());
        dev.wafer.spi.support.DerivedKeyCache.Lease<byte[]> lease = cache.acquire(new byte[24], 0);
        Secrets.assertNotIn(key, lease.toString());
        assertEquals("DerivedKeyCache.Lease", lease.toString());
        dev.wafer.spi.support.JceAesGcm.DerivedKey derived = gcm.derivedKey(key);
        Secrets.assertNotIn(key, derived.toString());
        assertEquals("JceAesGcm.DerivedKey", derived.toString());
    }
}
