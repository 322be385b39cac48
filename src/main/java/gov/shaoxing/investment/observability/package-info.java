/**
 * Metrics and tracing: the Prometheus scrape, OpenTelemetry spans through Micrometer
 * Tracing continued from an incoming {@code traceparent}, and the trace id in logs and in
 * error responses. Knows no feature.
 */
package gov.shaoxing.investment.observability;
