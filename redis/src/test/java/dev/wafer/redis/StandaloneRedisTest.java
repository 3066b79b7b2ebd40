package dev.wafer.redis;

/** {@link RedisStoreSuite} against one real standalone redis-server. */
class StandaloneRedisTest extends RedisStoreSuite {
    @Override
    protected RedisDeployment deploy() {
        return RedisDeployment.standalone(RedisServer.start());
    }
}
