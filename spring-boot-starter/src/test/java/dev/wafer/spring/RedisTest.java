package dev.wafer.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.redis.RedisRevocationStore;
import dev.wafer.redis.RedisServer;
import dev.wafer.redis.WaferRedis;
import dev.wafer.spring.app.redis.RedisApp;
import dev.wafer.web.RevocationStore;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * wafer-redis on Boot's {@code spring.data.redis.*} settings, against a real redis-server: two
 * Boot servers share revocation, so log-out-everywhere on one ends the session on the other, and
 * Redis holds hashes, never a user name.
 */
class RedisTest {
    static RedisServer redis;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    static ConfigurableApplicationContext server() {
        return new SpringApplicationBuilder(RedisApp.class).web(WebApplicationType.SERVLET).properties(
                "server.port=0", "server.address=127.0.0.1",
                "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port,
                "wafer.sealing.key-file=" + Keys.SEALING, "wafer.session.store-failure=fail-closed",
                "wafer.session.store=overflow").run();
    }

    static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    @BeforeAll
    static void start() {
        redis = RedisServer.start();
        a = server();
        b = server();
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theStoresAreRedisOnBootsConnection() {
        assertTrue(a.getBean(RevocationStore.class) instanceof RedisRevocationStore);
        assertNotNull(a.getBean(WaferRedis.class));
    }

    @Test
    void logOutEverywhereOnOneServerEndsTheSessionOnTheOther() throws Exception {
        TestClient onA = new TestClient(port(a));
        String token = TestClient.csrf(onA.get("/form").body());
        assertEquals(200, onA.post("/login", Map.of("user", "dave@example.com", "_csrf", token)).statusCode());
        TestClient onB = new TestClient(port(b));
        onB.cookies.putAll(onA.cookies);
        assertEquals("visits=1 user=dave@example.com", onB.get("/visits").body(), "the sealed session works on B");

        String token2 = TestClient.csrf(onA.get("/form").body());
        assertEquals(200, onA.post("/logout-everywhere", Map.of("_csrf", token2)).statusCode());
        String after = "";
        for (int i = 0; i < 20 && !after.endsWith("user=-"); i++) {
            Thread.sleep(50);
            after = onB.get("/visits").body();
        }
        assertEquals("visits=1 user=-", after, "B honours the log-out-everywhere made on A within a second");

        String keys = redis.call("KEYS", "*");
        assertFalse(keys.isEmpty(), "Wafer wrote to Redis");
        assertFalse(keys.contains("dave"), "only hashes: " + keys);
    }
}
