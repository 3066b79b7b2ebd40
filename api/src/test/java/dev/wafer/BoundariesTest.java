package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.internal.SealedFormat;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every documented bound, exactly at the bound and one step beyond: builders, contexts, key
 * files, keys and claims. Mutation testing (docs/mutation-testing.md) showed which of them no
 * test pinned down. No provider is needed: builders are exercised before they build.
 */
class BoundariesTest {
    /** Public keys of RFC 8032 §7.1 TEST 1 and TEST 2: valid points of order L. */
    static final byte[] ED25519_A = java.util.HexFormat.of().parseHex(
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    static final byte[] ED25519_B = java.util.HexFormat.of().parseHex(
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");

    private static final SealingKeySet RING = SealingKeySet.generate();
    private static final VerificationKeySet PUBLIC = SigningKeySet.generate().publicKeys();

    @Test
    void sealerBuilderBounds() {
        CookieSealer.Builder b = CookieSealer.builder(RING);
        b.maxCookieBytes(64);
        b.maxCookieBytes(1 << 20);
        assertThrows(IllegalArgumentException.class, () -> b.maxCookieBytes(63));
        assertThrows(IllegalArgumentException.class, () -> b.maxCookieBytes((1 << 20) + 1));
        b.defaultLifetime(Duration.ofSeconds(1));
        b.defaultLifetime(CookieSealer.MAX_LIFETIME);
        assertThrows(LifetimeException.class, () -> b.defaultLifetime(Duration.ofMillis(999)));
        assertThrows(LifetimeException.class, () -> b.defaultLifetime(CookieSealer.MAX_LIFETIME.plusSeconds(1)));
        b.refreshWhenRemaining(Duration.ofNanos(1));
        assertThrows(IllegalArgumentException.class, () -> b.refreshWhenRemaining(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.refreshWhenRemaining(Duration.ofSeconds(-1)));
    }

    @Test
    void verifierBuilderBounds() {
        TokenVerifier.Builder b = TokenVerifier.builder(PUBLIC);
        b.clockSkew(Duration.ZERO);
        b.clockSkew(TokenVerifier.MAX_CLOCK_SKEW);
        assertThrows(IllegalArgumentException.class, () -> b.clockSkew(TokenVerifier.MAX_CLOCK_SKEW.plusNanos(1)));
        assertThrows(IllegalArgumentException.class, () -> b.clockSkew(Duration.ofNanos(-1)));
        b.maxTokenLength(64);
        b.maxTokenLength(1 << 20);
        assertThrows(IllegalArgumentException.class, () -> b.maxTokenLength(63));
        assertThrows(IllegalArgumentException.class, () -> b.maxTokenLength((1 << 20) + 1));
    }

    @Test
    void signerBuilderBounds() {
        TokenSigner.Builder b = TokenSigner.builder(SigningKeySet.generate());
        b.defaultLifetime(Duration.ofSeconds(1));
        assertThrows(LifetimeException.class, () -> b.defaultLifetime(Duration.ofMillis(999)));
        assertThrows(LifetimeException.class, () -> b.defaultLifetime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.type(""));
    }

    @Test
    void contextBounds() {
        SealContext.of("n".repeat(1024), "p".repeat(1024));
        assertThrows(IllegalArgumentException.class, () -> SealContext.of("n".repeat(1025)));
        assertThrows(IllegalArgumentException.class, () -> SealContext.of("n", "p".repeat(1025)));
        assertThrows(IllegalArgumentException.class, () -> SealContext.of(""));
        SealContext a = SealContext.of("session", "login");
        assertEquals(a, SealContext.of("session", "login"));
        assertEquals(a.hashCode(), SealContext.of("session", "login").hashCode());
        assertNotEquals(a, SealContext.of("session", "logout"));
        assertNotEquals(a, SealContext.of("sessions", "login"));
        assertNotEquals(a, "session");
        assertNotEquals(SealContext.of("a").hashCode(), SealContext.of("b").hashCode());
        assertEquals(SealContext.of("session"), SealContext.of("session", ""));
        assertEquals("SealContext[session, login]", a.toString());
    }

    @Test
    void maximumTimeToLiveBounds() {
        RING.withMaxLifetime(Duration.ofSeconds(1));
        RING.withMaxLifetime(CookieSealer.MAX_LIFETIME);
        assertThrows(LifetimeException.class, () -> RING.withMaxLifetime(Duration.ofMillis(999)));
        assertThrows(LifetimeException.class, () -> RING.withMaxLifetime(CookieSealer.MAX_LIFETIME.plusSeconds(1)));
    }

    private static String keyFile(String extraKeyMember, String extraSetMember) {
        return "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"0a1b2c3d\",\"alg\":\"XAES-256-GCM\",\"use\":\"enc\","
                + "\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"" + extraKeyMember + "}]" + extraSetMember + "}";
    }

    @Test
    void keyFileTimeBounds() {
        long max = SealedFormat.MAX_EXPIRES_AT;
        for (String member : List.of("wafer_created", "wafer_not_after")) {
            // A primary with an end of use breaks the plan: loaded here only to check the times parse.
            SealingKeySet.fromJwkSet(keyFile(",\"" + member + "\":0", ""), KeyPlan.Check.ALLOW_VIOLATIONS);
            SealingKeySet.fromJwkSet(keyFile(",\"" + member + "\":" + max, ""), KeyPlan.Check.ALLOW_VIOLATIONS);
            assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(keyFile(",\"" + member + "\":-1", "")));
            assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(keyFile(",\"" + member + "\":" + (max + 1), "")));
            assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(keyFile(",\"" + member + "\":\"1\"", "")));
        }
        long tenYears = CookieSealer.MAX_LIFETIME.getSeconds();
        assertEquals(Duration.ofSeconds(1), SealingKeySet.fromJwkSet(keyFile("", ",\"wafer_max_ttl\":1")).maxLifetime().orElseThrow());
        assertEquals(CookieSealer.MAX_LIFETIME, SealingKeySet.fromJwkSet(keyFile("", ",\"wafer_max_ttl\":" + tenYears))
                .maxLifetime().orElseThrow());
        assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(keyFile("", ",\"wafer_max_ttl\":0")));
        assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(keyFile("", ",\"wafer_max_ttl\":" + (tenYears + 1))));
    }

    @Test
    void writesEveryLifecycleTimeItRead() {
        String file = keyFile(",\"wafer_state\":\"primary\",\"wafer_created\":1,\"wafer_not_after\":4", "");
        String written = SealingKeySet.fromJwkSet(file, KeyPlan.Check.ALLOW_VIOLATIONS).toJwkSet();
        assertTrue(written.contains("\"wafer_created\":1"), written);
        assertTrue(written.contains("\"wafer_not_after\":4"), written);
        SealingKeySet rotated = SealingKeySet.generate().rotate().keySet();
        String old = rotated.keys().get(1).keyId();
        String retired = rotated.retire(old, Instant.now()).toJwkSet();
        assertTrue(retired.contains("\"wafer_deactivated\":") && retired.contains("\"wafer_retired\":"), retired);
        assertEquals(rotated.retire(old, Instant.now()).statusOf(old).retiredAt(),
                SealingKeySet.fromJwkSet(retired).statusOf(old).retiredAt());
    }

    @Test
    void keyFilesRefuseKeysOfTheWrongUseOrType() {
        String okp = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"";
        VerificationKeySet.fromJwkSet(okp + "}]}");
        VerificationKeySet.fromJwkSet(okp + ",\"use\":\"sig\"}]}");
        KeyException use = assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(okp + ",\"use\":\"enc\"}]}"));
        assertTrue(use.getMessage().contains("\"use\" must be \"sig\""), use.getMessage());
        KeyException seal = assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(okp + ",\"alg\":\"XAES-256-GCM\"}]}"));
        assertEquals("key k: alg \"XAES-256-GCM\" cannot be used to sign", seal.getMessage());
        KeyException sign = assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(
                keyFile("", "").replace("XAES-256-GCM", "EdDSA")));
        assertEquals("key 0a1b2c3d: alg \"EdDSA\" is no sealing algorithm; Wafer seals with XAES-256-GCM, "
                + "AES-256-GCM and AES-256-GCM-SIV", sign.getMessage());
        KeyException priv = assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(okp + ",\"d\":\"AA\"}]}"));
        assertTrue(priv.getMessage().startsWith("key k: a public key set holds the private member \"d\""), priv.getMessage());
        KeyException noKid = assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(okp.replace("\"kid\":\"k\",", "") + ",\"k\":\"AA\"}]}"));
        assertTrue(noKid.getMessage().startsWith("key without kid:"), noKid.getMessage());
        KeyException publicOnly = assertThrows(KeyException.class, () -> SigningKeySet.fromJwkSet(okp.replace("\"kid\":\"k\",", "") + "}]}"));
        assertTrue(publicOnly.getMessage().startsWith("key without kid:"), publicOnly.getMessage());
    }

    @Test
    void rsaKeyBounds() {
        BigInteger e = BigInteger.valueOf(65537);
        VerificationKey.rsa(SigningAlgorithm.RS256, "k", modulusOfBits(2048), e);
        VerificationKey.rsa(SigningAlgorithm.RS256, "k", modulusOfBits(8192), e);
        assertThrows(KeyException.class, () -> VerificationKey.rsa(SigningAlgorithm.RS256, "k", modulusOfBits(2047), e));
        assertThrows(KeyException.class, () -> VerificationKey.rsa(SigningAlgorithm.RS256, "k", modulusOfBits(8193), e));
        assertThrows(KeyException.class, () -> VerificationKey.rsa(SigningAlgorithm.RS256, "k", modulusOfBits(2048).subtract(BigInteger.ONE), e),
                "an even modulus");
        assertThrows(KeyException.class, () -> VerificationKey.rsa(SigningAlgorithm.RS256, "k", modulusOfBits(2048), BigInteger.valueOf(65535)));
        assertThrows(KeyException.class, () -> VerificationKey.rsa(SigningAlgorithm.RS256, "k", modulusOfBits(2048), BigInteger.valueOf(65538)));
        BigInteger n = modulusOfBits(2048);
        assertThrows(KeyException.class, () -> VerificationKey.rsa(SigningAlgorithm.RS256, "k", n, n), "e equal to n");
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.rsa(SigningAlgorithm.ED25519, "k", n, e));
        assertEquals(256, VerificationKey.rsa(SigningAlgorithm.PS256, "k", n, e).signatureLengthBytes());
        assertEquals(2048 / 8 + 1, VerificationKey.rsa(SigningAlgorithm.PS256, "k", modulusOfBits(2049), e).signatureLengthBytes());
    }

    /**
     * An odd composite of exactly {@code bits} bits with no prime factor below 752 and not a
     * perfect power: what partial public-key validation accepts, without the cost of making primes.
     */
    static BigInteger modulusOfBits(int bits) {
        BigInteger small = BigInteger.ONE;
        for (int p = 3; p < 752; p += 2) {
            if (BigInteger.valueOf(p).isProbablePrime(50)) {
                small = small.multiply(BigInteger.valueOf(p));
            }
        }
        for (BigInteger n = BigInteger.ONE.shiftLeft(bits - 1).add(BigInteger.ONE); ; n = n.add(BigInteger.TWO)) {
            if (n.gcd(small).equals(BigInteger.ONE) && !n.isProbablePrime(20)) {
                return n;
            }
        }
    }

    @Test
    void keyIdBounds() {
        VerificationKey.ed25519("k".repeat(256), ED25519_A);
        assertThrows(KeyException.class, () -> VerificationKey.ed25519("k".repeat(257), ED25519_A));
        assertThrows(KeyException.class, () -> VerificationKey.ed25519("", ED25519_A));
        assertThrows(KeyException.class, () -> VerificationKey.ed25519("k", new byte[31]));
    }

    @Test
    void unsignedBigEndianDropsOnlyTheSignOctet() {
        assertArrayEquals(new byte[] {0}, VerificationKey.unsigned(BigInteger.ZERO));
        assertArrayEquals(new byte[] {1, 0}, VerificationKey.unsigned(BigInteger.valueOf(256)));
        assertArrayEquals(new byte[] {(byte) 0x80}, VerificationKey.unsigned(BigInteger.valueOf(128)));
        assertArrayEquals(new byte[] {0x7f}, VerificationKey.unsigned(BigInteger.valueOf(127)));
    }

    @Test
    void verificationKeysCompareByEveryPart() {
        byte[] x = ED25519_A.clone();
        byte[] y = ED25519_B.clone();
        VerificationKey a = VerificationKey.ed25519("k", x);
        assertEquals(a, VerificationKey.ed25519("k", x.clone()));
        assertEquals(a.hashCode(), VerificationKey.ed25519("k", y).hashCode(), "the hash is of key id and algorithm");
        assertNotEquals(a.hashCode(), VerificationKey.ed25519("j", x).hashCode());
        assertNotEquals(a, VerificationKey.ed25519("k", y));
        assertNotEquals(a, VerificationKey.ed25519("j", x));
        assertNotEquals(a, "k");
        BigInteger n = modulusOfBits(2048);
        VerificationKey r = VerificationKey.rsa(SigningAlgorithm.RS256, "k", n, BigInteger.valueOf(65537));
        assertNotEquals(r, VerificationKey.rsa(SigningAlgorithm.PS256, "k", n, BigInteger.valueOf(65537)));
        assertNotEquals(r, VerificationKey.rsa(SigningAlgorithm.RS256, "k", n, BigInteger.valueOf(65539)));
        assertNotEquals(r, VerificationKey.rsa(SigningAlgorithm.RS256, "k", modulusOfBits(2050), BigInteger.valueOf(65537)));
        assertNotEquals(a, r);
        assertEquals("VerificationKey[kid=k, alg=EdDSA]", a.toString());
        assertEquals("VerificationKey[kid=k, alg=RS256, bits=2048]", r.toString());
        assertEquals("VerificationKeySet[" + a + "]", VerificationKeySet.of(a).toString());
        assertEquals(a, VerificationKeySet.of(a, r.withKeyId("r")).find("k").orElseThrow());
        assertEquals("r", r.withKeyId("r").keyId());
    }

    @Test
    void keySetsRefuseRepeatedKeyIds() {
        SealingKey k = SealingKey.generate(SealingAlgorithm.XAES_256_GCM);
        SealingKey same = SealingKey.of(SealingAlgorithm.AES_256_GCM, k.keyId(), new byte[32]);
        assertTrue(assertThrows(KeyException.class, () -> SealingKeySet.of(k, same)).getMessage().endsWith(" appears twice"));
        VerificationKey v = VerificationKey.ed25519("k", ED25519_A);
        assertThrows(KeyException.class, () -> VerificationKeySet.of(v, VerificationKey.ed25519("k", ED25519_B)));
    }

    @Test
    void keysAreEqualOnlyToKeys() {
        SealingKey k = SealingKey.of(SealingAlgorithm.XAES_256_GCM, "00000001", new byte[32]);
        assertNotEquals(k, "key");
        SigningKey s = SigningKey.ed25519("a", new byte[32]);
        assertNotEquals(s, "key");
        assertNotEquals(s.hashCode(), SigningKey.ed25519("b", new byte[32]).hashCode());
    }

    @Test
    void rsaSigningKeysCompareTheirPrivateExponent() throws Exception {
        SigningKey k = SigningKey.generateRsa(SigningAlgorithm.RS256, 2048);
        java.security.spec.RSAPrivateCrtKeySpec s = k.rsaSpec();
        BigInteger p1 = s.getPrimeP().subtract(BigInteger.ONE);
        BigInteger q1 = s.getPrimeQ().subtract(BigInteger.ONE);
        // d + lcm(p-1, q-1) is another exponent of the same key pair: same public half, other private bytes
        BigInteger other = s.getPrivateExponent().add(p1.multiply(q1).divide(p1.gcd(q1)));
        SigningKey same = SigningKey.rsa(SigningAlgorithm.RS256, k.keyId(), new java.security.spec.RSAPrivateCrtKeySpec(s.getModulus(),
                s.getPublicExponent(), other, s.getPrimeP(), s.getPrimeQ(), s.getPrimeExponentP(), s.getPrimeExponentQ(),
                s.getCrtCoefficient()));
        assertEquals(k.publicKey(), same.publicKey());
        assertEquals(k.hashCode(), same.hashCode());
        assertNotEquals(k, same, "the private parts differ");
        assertEquals(k, SigningKey.rsa(SigningAlgorithm.RS256, k.keyId(), s));
    }

    @Test
    void signingKeySetsChainEveryChange() {
        SigningKeySet set = SigningKeySet.generate();
        SigningKeySet pending = set.addPending(SigningAlgorithm.ED25519).keySet();
        String fresh = pending.keys().get(0).keyId();
        assertEquals(fresh, pending.promote(fresh).primary().keyId());
        assertEquals(Duration.ofHours(1), set.withMaxLifetime(Duration.ofHours(1)).plan(Instant.now()).maxLifetime().orElseThrow());
        TokenSigner.Builder b = TokenSigner.builder(set);
        assertEquals(b, b.defaultLifetime(Duration.ofMinutes(5)));
        assertEquals(b, b.type("at+jwt"));
        assertEquals(b, b.issuer("i"));
    }

    @Test
    void sealingKeysRefuseOtherAlgorithmsAndSizes() {
        assertThrows(KeyException.class, () -> SealingKey.of(SealingAlgorithm.XAES_256_GCM, "0000001", new byte[32]),
                "a sealing key id is 8 hex digits");
        assertThrows(KeyException.class, () -> SealingKey.of(SealingAlgorithm.XAES_256_GCM, "-0000001", new byte[32]));
        assertEquals("a XAES-256-GCM key must be 256 bits, not 248",
                assertThrows(KeyException.class, () -> SealingKey.of(SealingAlgorithm.XAES_256_GCM, "00000001", new byte[31])).getMessage());
        assertEquals("a master key is 256 bits, not 248",
                assertThrows(KeyException.class, () -> MasterKey.of(new byte[31])).getMessage());
        assertArrayEquals(new byte[4], SealingKey.wipe(new byte[] {1, 2, 3, 4}));
        assertNotEquals(SealingKey.of(SealingAlgorithm.XAES_256_GCM, "00000001", new byte[32]).hashCode(),
                SealingKey.of(SealingAlgorithm.XAES_256_GCM, "00000002", new byte[32]).hashCode());
    }

    @Test
    void unsupportedAlgorithmMessagesNameWhatToAdd() {
        assertEquals("provider 'jca' does not implement AES-256-GCM-SIV; no installed provider does (add dev.wafer:wafer-provider-bc)",
                new UnsupportedAlgorithmException(SealingAlgorithm.AES_256_GCM_SIV, "jca", List.of()).getMessage());
        assertEquals("provider 'x' does not implement RS256; no installed provider does",
                new UnsupportedAlgorithmException(SigningAlgorithm.RS256, "x", List.of()).getMessage());
        UnsupportedAlgorithmException e = new UnsupportedAlgorithmException(SealingAlgorithm.AES_256_GCM_SIV, "jca", List.of("bc", "tink"));
        assertEquals("provider 'jca' does not implement AES-256-GCM-SIV; installed providers that do: bc, tink", e.getMessage());
        assertEquals(List.of("bc", "tink"), e.providersWithIt());
        assertEquals(Instant.EPOCH, new PrematureTokenException("nbf", Instant.EPOCH).validFrom());
        assertEquals(10, new dev.wafer.stub.StubProvider.Alpha().priority(SigningAlgorithm.ED25519),
                "an SPI's per-algorithm priority defaults to its overall priority");
    }

    // ---- claims ---------------------------------------------------------------------------------

    private static Claims read(String name, Object value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(name, value);
        return dev.wafer.internal.ClaimsJson.fromMembers(json);
    }

    @Test
    void numericDateBounds() {
        assertEquals(Instant.EPOCH, read("exp", 0L).expiresAt().orElseThrow());
        long last = Instant.MAX.getEpochSecond();
        assertEquals(Instant.ofEpochSecond(last), read("nbf", last).notBefore().orElseThrow());
        assertThrows(InvalidTokenException.class, () -> read("iat", -1L));
        assertThrows(InvalidTokenException.class, () -> read("iat", last + 1));
        assertEquals(Instant.EPOCH, read("exp", 0.999).expiresAt().orElseThrow(), "fractions truncate toward the past");
        assertThrows(InvalidTokenException.class, () -> read("exp", -0.5));
        assertThrows(InvalidTokenException.class, () -> read("exp", BigInteger.TEN.pow(30)));
        assertEquals("x", read("jti", "x").jwtId().orElseThrow());
        assertEquals(7L, read("custom", 7L).get("custom").orElseThrow());
    }

    @Test
    void builderBounds() {
        Claims.builder().issuedAt(Instant.EPOCH).notBefore(Instant.EPOCH).expiresAt(Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> Claims.builder().issuedAt(Instant.EPOCH.minusNanos(1)));
        Object deep = "x";
        for (int i = 0; i < 16; i++) {
            deep = List.of(deep);
        }
        Claims.builder().claim("deep", deep);
        Object deeper = List.of(deep);
        assertThrows(IllegalArgumentException.class, () -> Claims.builder().claim("deep", deeper));
        Object deepMap = "x";
        for (int i = 0; i < 16; i++) {
            deepMap = Map.of("k", deepMap);
        }
        Claims.builder().claim("deep", deepMap);
        Object deeperMap = Map.of("k", deepMap);
        assertThrows(IllegalArgumentException.class, () -> Claims.builder().claim("deep", deeperMap));
        assertEquals(List.of("b"), Claims.builder().audience("a").audience("b").build().audience(), "audience replaces");
    }

    @Test
    void claimsCompareByEveryClaim() {
        Claims a = Claims.builder().issuer("i").subject("s").audience("a").jwtId("j").expiresAt(Instant.ofEpochSecond(9))
                .notBefore(Instant.ofEpochSecond(1)).issuedAt(Instant.ofEpochSecond(2)).claim("c", 1).build();
        assertEquals(a, a.toBuilder().build());
        assertEquals(a.hashCode(), a.toBuilder().build().hashCode());
        List<Claims> others = new ArrayList<>(List.of(a.toBuilder().issuer("x").build(), a.toBuilder().subject("x").build(),
                a.toBuilder().audience("x").build(), a.toBuilder().jwtId("x").build(),
                a.toBuilder().expiresAt(Instant.ofEpochSecond(8)).build(), a.toBuilder().notBefore(Instant.EPOCH).build(),
                a.toBuilder().issuedAt(Instant.EPOCH).build(), a.toBuilder().claim("c", 2).build()));
        for (Claims o : others) {
            assertNotEquals(a, o);
            assertNotEquals(a.hashCode(), o.hashCode());
        }
        assertNotEquals(a, "claims");
        assertEquals("Claims[iss=i, sub=s, aud=[a], exp=1970-01-01T00:00:09Z, nbf=1970-01-01T00:00:01Z, "
                + "iat=1970-01-01T00:00:02Z, jti=j, custom=[c]]", a.toString());
        assertFalse(a.toString().contains("=1]"), "custom values are not shown");
    }

    @Test
    void planNamesEveryProblem() {
        Map<String, KeyStatus> twoPrimaries = new LinkedHashMap<>();
        twoPrimaries.put("a", KeyStatus.of(KeyState.PRIMARY));
        twoPrimaries.put("b", KeyStatus.of(KeyState.PRIMARY));
        KeyPlan p = KeyPlan.check(twoPrimaries, java.util.Optional.empty(), Instant.EPOCH);
        assertEquals(List.of("the set has 2 primary keys; it needs exactly one"), p.violations());
        assertEquals(List.of("no wafer_max_ttl declared: cannot tell when old keys may be retired"), p.notes());
        assertFalse(p.isSound());
        Map<String, KeyStatus> retired = new LinkedHashMap<>();
        retired.put("a", KeyStatus.of(KeyState.PRIMARY));
        retired.put("b", new KeyStatus(KeyState.RETIRED, java.util.Optional.empty(), java.util.Optional.of(Instant.EPOCH),
                java.util.Optional.empty(), java.util.Optional.empty()));
        KeyPlan q = KeyPlan.check(retired, java.util.Optional.of(Duration.ofSeconds(60)), Instant.EPOCH);
        assertTrue(q.isSound(), q.toString());
        assertEquals(List.of("key b is retired without a wafer_retired time"), q.notes());
    }

    @Test
    void keyFilesWithStatesMustAgreeWithTheirPrimary() {
        String two = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"0a1b2c3d\",\"alg\":\"XAES-256-GCM\",\"wafer_state\":\"primary\","
                + "\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"},{\"kty\":\"oct\",\"kid\":\"0a1b2c3e\","
                + "\"alg\":\"XAES-256-GCM\",\"wafer_state\":\"active\",\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}]";
        SealingKeySet.fromJwkSet(two + ",\"primary\":\"0a1b2c3d\"}");
        assertEquals("\"primary\" names key \"0a1b2c3e\" but key \"0a1b2c3d\" has state primary", assertThrows(KeyException.class,
                () -> SealingKeySet.fromJwkSet(two + ",\"primary\":\"0a1b2c3e\"}")).getMessage());
        assertEquals("the primary key \"ffffffff\" is not in the set", assertThrows(KeyException.class,
                () -> SealingKeySet.fromJwkSet(two + ",\"primary\":\"ffffffff\"}")).getMessage());
        assertEquals("the key set must have exactly one primary key, not 2", assertThrows(KeyException.class,
                () -> SealingKeySet.fromJwkSet(two.replace("\"active\"", "\"primary\"") + "}")).getMessage());
        String rsaEnc = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"r\",\"alg\":\"RS256\",\"use\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}";
        assertEquals("key r: \"use\" must be \"sig\"", assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(rsaEnc)).getMessage());
    }

    @Test
    void keySetsDescribeKeysAndStates() {
        SealingKey k = SealingKey.of(SealingAlgorithm.XAES_256_GCM, "0a1b2c3d", new byte[32]);
        assertEquals("SealingKeySet[primary=0a1b2c3d, keys=[SealingKey[kid=0a1b2c3d, alg=XAES-256-GCM] primary]]",
                SealingKeySet.of(k).toString());
    }

    @Test
    void openedValueShowsItsKeyIdExpiryAndLength() {
        OpenedValue v = new OpenedValue(new byte[5], Instant.EPOCH, "0a1b2c3d", true);
        assertEquals("OpenedValue[kid=0a1b2c3d, expiresAt=1970-01-01T00:00:00Z, length=5, shouldReseal=true]", v.toString());
    }
}
