/**
 * wafer-web's shared state on Redis: {@link dev.wafer.redis.WaferRedis} connects (standalone,
 * Sentinel or Cluster, on Lettuce) and gives the {@link dev.wafer.redis.RedisRevocationStore}
 * (revoked session ids and remember-me series, per-user generations, behind a local cache of
 * bounded staleness invalidated over pub/sub) and the {@link dev.wafer.redis.RedisSessionStore}
 * (sessions' attributes, for what outgrows a cookie). docs/redis.md has the set-up and the
 * operations guide.
 */
package dev.wafer.redis;
