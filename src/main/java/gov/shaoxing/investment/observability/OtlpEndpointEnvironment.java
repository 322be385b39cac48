package gov.shaoxing.investment.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns on the OTLP span exporter only when OpenTelemetry's own variable
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector (its base URL; spans go to
 * {@code /v1/traces} under it), so that by default no span leaves the process.
 */
class OtlpEndpointEnvironment implements EnvironmentPostProcessor {

	static final String VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";

	static final String PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String base = environment.getProperty(VARIABLE);
		if (!StringUtils.hasText(base) || environment.containsProperty(PROPERTY)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("otlpEndpoint", Map.of(PROPERTY, tracesEndpoint(base.strip()))));
	}

	static String tracesEndpoint(String base) {
		if (base.endsWith("/v1/traces")) {
			return base;
		}
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
	}

}
