package gov.shaoxing.investment;

import java.time.Duration;

import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One {@link HttpGraphQlTester} per role for a running server, signed in with real tokens
 * from its embedded issuer. A test class with
 * {@code @ExtendWith(GraphQlTesters.Resolver.class)} (the shared test contexts carry it)
 * takes one as a test or lifecycle method parameter.
 */
public final class GraphQlTesters {

	/** Long enough for a request that waits behind other builds on a shared machine. */
	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** The department of the city's industrial-investment office. */
	public static final String CITY_OFFICE = "CYTZB";

	private final int port;

	private final TokenIssuer issuer;

	private final HttpGraphQlTester anonymous;

	public GraphQlTesters(int port, TokenIssuer issuer) {
		this.port = port;
		this.issuer = issuer;
		this.anonymous = HttpGraphQlTester.create(http().mutate().baseUrl(baseUrl() + "/graphql").build());
	}

	/** The testers of the application the calling test runs against. */
	public static GraphQlTesters of(ApplicationContext context) {
		Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
		if (port == null) {
			throw new IllegalStateException("GraphQL testers need a running server (webEnvironment = RANDOM_PORT)");
		}
		return new GraphQlTesters(port, context.getBean(TokenIssuer.class));
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** A client for the server's other endpoints (actuator, uploads, exports). */
	public WebTestClient http() {
		return client(this.port).build();
	}

	/** The one place a test client is bound to a server on this machine. */
	public static WebTestClient.Builder client(int port) {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(TIMEOUT);
	}

	public HttpGraphQlTester anonymous() {
		return this.anonymous;
	}

	public HttpGraphQlTester admin() {
		return as(Role.ADMIN, null);
	}

	public HttpGraphQlTester citySupervisor() {
		return as(Role.CITY_SUPERVISOR, CITY_OFFICE);
	}

	public HttpGraphQlTester departmentOfficer(String departmentCode) {
		return as(Role.DEPARTMENT_OFFICER, departmentCode);
	}

	public HttpGraphQlTester districtOfficer(String districtCode) {
		return as(Role.DISTRICT_OFFICER, null, districtCode);
	}

	public HttpGraphQlTester inspector(String... districtCodes) {
		return as(Role.INSPECTOR, null, districtCodes);
	}

	public HttpGraphQlTester analyst() {
		return as(Role.ANALYST, null);
	}

	/** Signed in with a fresh token for the role and scope. */
	public HttpGraphQlTester as(Role role, String departmentCode, String... districtCodes) {
		return withToken(token(role, departmentCode, districtCodes));
	}

	/** Sends the token, as a client that signed in would; {@code null} for anonymous. */
	public HttpGraphQlTester withToken(String token) {
		return (token != null) ? this.anonymous.mutate().header("Authorization", "Bearer " + token).build()
				: this.anonymous;
	}

	public String token(Role role, String departmentCode, String... districtCodes) {
		return TestSecurity.token(this.issuer, role, departmentCode, districtCodes);
	}

	/**
	 * Resolves a {@link GraphQlTesters} parameter from the test's application context.
	 */
	public static final class Resolver implements ParameterResolver {

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
			return parameter.getParameter().getType() == GraphQlTesters.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
			return of(SpringExtension.getApplicationContext(extension));
		}

	}

}
