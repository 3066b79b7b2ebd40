package dev.wafer.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.SealingKeySet;
import dev.wafer.spring.app.minimal.MinimalApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Actuator's health and info show Wafer's providers and keys; Micrometer counts what Wafer does. */
@SpringBootTest(classes = MinimalApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=health,info,metrics",
            "management.endpoint.health.show-details=always", "wafer.key-reload-interval=200ms"})
class ActuatorTest {
    static final Path FILE = Keys.DIR.resolve("actuator-cookie.jwks");
    static String jwks;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) throws Exception {
        jwks = SealingKeySet.generate().toJwkSet();
        Files.writeString(FILE, jwks);
        registry.add("wafer.sealing.key-file", FILE::toString);
    }

    @Test
    void healthAndInfoShowProvidersAndKeyIdsButNoKey() throws Exception {
        TestClient client = new TestClient(port);
        HttpResponse<String> health = client.get("/actuator/health/wafer", "Accept", "application/json");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().endsWith("\"status\":\"UP\"}"), health.body());
        String kid = SealingKeySet.fromJwkSet(jwks).primary().keyId();
        assertTrue(health.body().contains("\"" + kid + "\":\"primary\""), health.body());
        assertTrue(health.body().contains("\"selfTests\""), health.body());
        String k = jwks.replaceAll(".*\"k\":\"([^\"]+)\".*", "$1");
        assertFalse(health.body().contains(k), "never a key byte");

        String info = client.get("/actuator/info", "Accept", "application/json").body();
        assertTrue(info.contains("\"wafer\"") && info.contains(kid) && info.contains("\"servedBy\""), info);
        assertFalse(info.contains(k));
    }

    @Test
    void aKeyFileThatDoesNotReloadMakesWaferUnhealthyUntilFixed() throws Exception {
        TestClient client = new TestClient(port);
        try {
            Files.writeString(FILE, "{\"keys\":[half-written");
            String body = "";
            for (int i = 0; i < 50 && !body.contains("DOWN"); i++) {
                Thread.sleep(100);
                body = client.get("/actuator/health/wafer", "Accept", "application/json").body();
            }
            assertTrue(body.endsWith("\"status\":\"DOWN\"}"), body);
            assertTrue(body.contains("did not reload"), body);
            assertEquals("visits=1 user=-", client.get("/visits").body(), "the last good keys stay in use");
        } finally {
            Files.writeString(FILE, jwks);
        }
        String body = "";
        for (int i = 0; i < 50 && !body.endsWith("\"status\":\"UP\"}"); i++) {
            Thread.sleep(100);
            body = client.get("/actuator/health/wafer", "Accept", "application/json").body();
        }
        assertTrue(body.endsWith("\"status\":\"UP\"}"), body);
    }

    @Test
    void sealsOpensRejectionsAndRevocationCallsAreCounted() throws Exception {
        TestClient client = new TestClient(port);
        client.get("/visits");
        client.get("/visits");
        client.cookies.put("__Host-session", "garbage");
        client.get("/visits");
        client.post("/login", Map.of("user", "x"));
        String token = TestClient.csrf(client.get("/form").body());
        client.post("/login", Map.of("user", "carol", "_csrf", token));

        String seals = client.get("/actuator/metrics/wafer.seals?tag=purpose:session", "Accept", "application/json").body();
        assertTrue(seals.contains("\"statistic\":\"COUNT\""), seals);
        assertFalse(seals.contains("\"value\":0.0"), seals);
        String opened = client.get("/actuator/metrics/wafer.opens?tag=purpose:session&tag=outcome:ok", "Accept", "application/json").body();
        assertFalse(opened.contains("\"value\":0.0") || !opened.contains("COUNT"), opened);
        String rejected = client.get("/actuator/metrics/wafer.opens?tag=purpose:session&tag=outcome:invalid", "Accept", "application/json").body();
        assertTrue(rejected.contains("COUNT") && !rejected.contains("\"value\":0.0"), rejected);
        String csrf = client.get("/actuator/metrics/wafer.csrf.rejections?tag=reason:MISSING_TOKEN", "Accept", "application/json").body();
        assertTrue(csrf.contains("COUNT") && !csrf.contains("\"value\":0.0"), csrf);
        String calls = client.get("/actuator/metrics/wafer.revocation.calls", "Accept", "application/json").body();
        assertTrue(calls.contains("\"operation\"") && calls.contains("TOTAL_TIME"), calls);
    }
}
