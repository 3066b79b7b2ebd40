package dev.wafer;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link Randomness} when a JVM snapshot is taken and restored, through {@code org.crac}:
 * the API that CRaC JDKs and AWS Lambda SnapStart call (on other JDKs it does nothing). After a
 * restore every nonce pool draws afresh, so that clones of one snapshot never share a nonce.
 */
final class SnapshotHook implements Resource {
    /** org.crac keeps registered resources weakly: this reference keeps the hook alive. */
    private static final SnapshotHook INSTANCE = new SnapshotHook();

    private SnapshotHook() {
    }

    static SnapshotHook instance() {
        return INSTANCE;
    }

    static void register() {
        try {
            Core.getGlobalContext().register(INSTANCE);
        } catch (RuntimeException | LinkageError e) {
            // Without the hook, the pools' age bounds still hold (Randomness).
            LoggerFactory.getLogger(SnapshotHook.class).debug("No JVM snapshot hook: {}", e.toString());
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        Randomness.snapshotEvent();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        Randomness.snapshotEvent();
    }
}
