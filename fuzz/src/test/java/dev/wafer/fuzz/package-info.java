/**
 * Jazzer fuzz targets for everything Wafer reads from a client or a key file. In regression mode
 * (the default, what {@code mvn verify} runs) each target replays its committed inputs under
 * {@code src/test/resources/dev/wafer/fuzz/<Class>Inputs/<method>/}; with {@code JAZZER_FUZZ=1}
 * it fuzzes. docs/fuzzing.md has the commands and the figures.
 */
package dev.wafer.fuzz;
