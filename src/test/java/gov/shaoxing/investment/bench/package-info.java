/**
 * The HTTP benchmark: a command (not a test) that loads synthetic projects into the
 * embedded store and measures throughput and latency of typical queries; see
 * BENCHMARKS.md for how to run it.
 */
package gov.shaoxing.investment.bench;
