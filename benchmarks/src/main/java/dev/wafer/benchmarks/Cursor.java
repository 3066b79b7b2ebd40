package dev.wafer.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Each benchmark thread's position in a ring of {@link Fixtures#RING} values to open or verify.
 *
 * <p>Opening one value over and over would let a cache keyed on the last key do work a real server
 * cannot skip: SunJCE keeps the AES key schedule of the last key, and XAES-256-GCM derives a new key
 * from every nonce. Per thread, so that two threads do not share (and bounce) one counter.
 */
@State(Scope.Thread)
public class Cursor {
    private int position;

    int next() {
        position = (position + 1) & (Fixtures.RING - 1);
        return position;
    }
}
