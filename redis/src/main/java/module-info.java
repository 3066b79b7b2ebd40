/**
 * wafer-web's shared state on Redis, through Lettuce: the revocation store
 * ({@link dev.wafer.redis.RedisRevocationStore}) and server-side sessions
 * ({@link dev.wafer.redis.RedisSessionStore}), on standalone Redis, Sentinel or Redis Cluster
 * ({@link dev.wafer.redis.WaferRedis}).
 */
@SuppressWarnings("requires-transitive-automatic") // Lettuce has no module descriptor, only a module name
module dev.wafer.redis {
    requires transitive dev.wafer.web;
    requires transitive lettuce.core;
    requires org.slf4j;

    exports dev.wafer.redis;
}
