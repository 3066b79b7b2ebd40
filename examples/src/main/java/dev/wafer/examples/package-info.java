/** Runnable examples: the README quickstart. */
package dev.wafer.examples;
