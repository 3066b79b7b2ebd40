/** Stub providers for discovery tests; never shipped in the test-jar. */
package dev.wafer.stub;
