package dev.wafer.web;

import dev.wafer.web.conformance.RevocationStoreConformance;

/** The in-memory store against the conformance suite every store passes. */
class InMemoryRevocationStoreTest extends RevocationStoreConformance {
    @Override
    protected RevocationStore store() {
        return new InMemoryRevocationStore();
    }
}
