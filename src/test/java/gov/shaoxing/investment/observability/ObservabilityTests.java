package gov.shaoxing.investment.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import gov.shaoxing.investment.ServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.TokenIssuer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Prometheus scraper reads the metrics as ADMIN; an incoming W3C {@code traceparent} is
 * continued, and its trace id is in the error response and the log lines; nothing is
 * exported without a collector.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationContext context;

	@Test
	void prometheusScrapesAsAdminOnly() throws Exception {
		HttpResponse<String> anonymous = get("/actuator/prometheus", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		HttpResponse<String> analyst = get("/actuator/prometheus", TestSecurity.token(this.issuer, Role.ANALYST, null));
		assertThat(analyst.statusCode()).isEqualTo(403);
		post("{ districts { code } }", null);
		HttpResponse<String> admin = get("/actuator/prometheus", TestSecurity.adminToken(this.issuer));
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		assertThat(admin.body()).contains("# TYPE http_server_requests_seconds")
			.contains("graphql_request_seconds_count")
			.contains("mongodb_driver_commands_seconds");
	}

	@Test
	void anIncomingTraceparentIsContinuedIntoErrorsAndLogs(CapturedOutput output) throws Exception {
		JsonNode response = this.json.readTree(
				post("{ projects(first: 1000) { totalCount } }", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").body());
		JsonNode error = response.path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("PAGE_SIZE_OUT_OF_RANGE");
		assertThat(error.path("extensions").path("traceId").asString()).isEqualTo(TRACE_ID);
		JsonNode fresh = this.json.readTree(post("{ projects(first: 1000) { totalCount } }", null).body());
		assertThat(fresh.path("errors").path(0).path("extensions").path("traceId").asString()).hasSize(32)
			.isNotEqualTo(TRACE_ID);
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(TraceIdInErrors.class.getName(), LogLevel.DEBUG);
		try {
			post("{ projects(first: 1000) { totalCount } }", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
		}
		finally {
			logging.setLogLevel(TraceIdInErrors.class.getName(), null);
		}
		assertThat(output.getOut()).containsPattern("\\[" + TRACE_ID + "-[0-9a-f]{16}\\].*GraphQL errors");
	}

	@Test
	void noSpanExporterWithoutACollector() {
		assertThat(this.context.getBeanNamesForType(OtlpHttpSpanExporter.class)).isEmpty();
		assertThat(this.context.getEnvironment().getProperty(OtlpEndpointEnvironment.PROPERTY)).isNull();
		assertThat(OtlpEndpointEnvironment.tracesEndpoint("http://collector:4318/"))
			.isEqualTo("http://collector:4318/v1/traces");
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String query, String traceparent) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("query", query))));
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
