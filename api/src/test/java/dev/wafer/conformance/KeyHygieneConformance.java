package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKey;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.internal.Base64Url;
import dev.wafer.spi.EncodedPrivateKey;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No key byte in the {@code toString} of a sealer, signer or verifier, of anything Wafer or the
 * provider keeps inside them (engines included, found by walking their fields), or in the
 * messages of a provider that refuses a key. The api's own key classes are checked by the api's
 * {@code KeyHygieneTest}.
 */
public abstract class KeyHygieneConformance extends ProviderUnderTest {
    private static final SealContext SESSION = SealContext.of("session");

    private static byte[] sealingKeyBytes(SealingKeySet ring, SealingKey key) {
        String jwks = ring.toJwkSet();
        int at = jwks.indexOf("\"kid\":\"" + key.keyId() + "\"");
        int k = jwks.indexOf("\"k\":\"", at) + 5;
        return Base64Url.decode(jwks.substring(k, jwks.indexOf('"', k)));
    }

    /** Every private member ({@code d}, {@code p}, {@code q}, ...) of every key of a private JWK Set. */
    private static List<byte[]> privateMembers(String jwks) {
        List<byte[]> out = new ArrayList<>();
        for (String member : List.of("d", "p", "q", "dp", "dq", "qi")) {
            int from = 0;
            String tag = "\"" + member + "\":\"";
            while ((from = jwks.indexOf(tag, from)) >= 0) {
                int start = from + tag.length();
                out.add(Base64Url.decode(jwks.substring(start, jwks.indexOf('"', start))));
                from = start;
            }
        }
        return out;
    }

    /**
     * The {@code toString} of every object reachable from a root through fields, whose class
     * belongs to Wafer or its providers (JDK internals are walked through their collections only).
     */
    static List<String> descriptions(Object root) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object> todo = new java.util.LinkedList<>(); // holds nulls, unlike ArrayDeque
        todo.add(root);
        while (!todo.isEmpty()) {
            Object o = todo.poll();
            if (o == null || seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            Class<?> c = o.getClass();
            if (o instanceof Collection) {
                todo.addAll((Collection<?>) o);
                continue;
            }
            if (o instanceof Map) {
                todo.addAll(((Map<?, ?>) o).keySet());
                todo.addAll(((Map<?, ?>) o).values());
                continue;
            }
            if (o instanceof Optional) {
                ((Optional<?>) o).ifPresent(todo::add);
                continue;
            }
            if (c.isArray() && !c.getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(o); i++) {
                    todo.add(Array.get(o, i));
                }
                continue;
            }
            if (!c.getName().startsWith("dev.wafer.")) {
                continue;
            }
            out.add(c.getName() + ": " + o);
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || f.getType() == ThreadLocal.class) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                    } catch (RuntimeException inaccessible) {
                        continue; // a provider in a named module keeps its fields to itself
                    }
                    todo.add(f.get(o));
                }
            }
        }
        return out;
    }

    @Test
    void aSealerAndWhatItHoldsShowNoKeyBytes() throws Exception {
        SealingKeySet ring = SealingKeySet.generate();
        for (SealingAlgorithm alg : List.of(SealingAlgorithm.AES_256_GCM, SealingAlgorithm.AES_256_GCM_SIV)) {
            if (supports(alg)) {
                ring = ring.rotate(alg).keySet();
            }
        }
        CookieSealer sealer = CookieSealer.builder(ring).engines(provider()).acceptAesGcmLimit().build();
        String sealed = sealer.seal("user=42", SESSION);
        List<String> texts = new ArrayList<>(descriptions(sealer));
        texts.add(sealer.open(sealed, SESSION).toString());
        texts.add(String.valueOf(provider()));
        assertTrue(texts.size() > 3, "the walk saw the sealer's insides: " + texts);
        for (SealingKey key : ring.keys()) {
            Secrets.assertNotIn(sealingKeyBytes(ring, key), texts.toArray(new String[0]));
        }
    }

    @Test
    void aSignerAVerifierAndWhatTheyHoldShowNoKeyBytes() throws Exception {
        List<SigningKey> keys = new ArrayList<>();
        keys.add(SigningKey.generate(SigningAlgorithm.ED25519));
        for (SigningAlgorithm alg : List.of(SigningAlgorithm.RS256, SigningAlgorithm.PS256)) {
            if (supports(alg)) {
                keys.add(SigningKey.generateRsa(alg, 2048));
            }
        }
        for (SigningKey key : keys) {
            SigningKeySet set = SigningKeySet.of(key);
            TokenSigner signer = TokenSigner.builder(set).engines(provider()).build();
            TokenVerifier verifier = TokenVerifier.builder(set.publicKeys()).engines(provider()).anyIssuer().build();
            verifier.verify(signer.sign(Claims.builder().subject("42").build()));
            List<String> texts = new ArrayList<>(descriptions(signer));
            texts.addAll(descriptions(verifier));
            for (byte[] secret : privateMembers(set.toJwkSet())) {
                Secrets.assertNotIn(secret, texts.toArray(new String[0]));
            }
        }
    }

    @Test
    void engineMessagesShowNoKeyBytes() throws Exception {
        byte[] shortKey = new byte[31];
        new SecureRandom().nextBytes(shortKey);
        List<String> texts = new ArrayList<>();
        for (SealingAlgorithm alg : List.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM)) {
            if (!supports(alg)) {
                continue;
            }
            try {
                texts.add(String.valueOf(spi().newAeadEngine(alg, shortKey)));
            } catch (GeneralSecurityException | RuntimeException e) {
                texts.add(String.valueOf(e));
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            texts.add(String.valueOf(spi().newAeadEngine(alg, key)));
            Secrets.assertNotIn(key, texts.toArray(new String[0]));
        }
        try {
            texts.add(String.valueOf(spi().newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(shortKey))));
        } catch (GeneralSecurityException | RuntimeException e) {
            texts.add(String.valueOf(e));
        }
        Secrets.assertNotIn(java.util.Arrays.copyOf(shortKey, 16), texts.toArray(new String[0]));
    }
}
