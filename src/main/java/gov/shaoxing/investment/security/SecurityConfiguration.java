package gov.shaoxing.investment.security;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.ErrorRenderer;
import gov.shaoxing.investment.store.StoreProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * An OAuth2 resource server: every request may carry a bearer JWT, validated against the
 * embedded issuer or, with {@code OIDC_ISSUER_URI}, the provider's keys. Access rules
 * live in the GraphQL layer and the services, so the filter chain only authenticates; a
 * bad token gets a 401 with a GraphQL-shaped body.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	TokenIssuer tokenIssuer(SecurityProperties properties, StoreProperties store, ResourceLoader resources) {
		return new TokenIssuer(SigningKeys.load(properties.signingKey(), store, resources), properties.clockSkew());
	}

	@Bean
	JwtDecoder jwtDecoder(SecurityProperties properties, TokenIssuer issuer, TokenRevocations revocations) {
		JwtDecoder decoder = properties.embeddedIssuer() ? issuer.decoder() : provider(properties);
		// real time, as the decoders' own expiry checks use
		JwtDecoder cached = new CachingJwtDecoder(decoder, Clock.systemUTC());
		// revocation is checked on every use, outside the cache: a remembered token is
		// refused once its user changes
		return properties.embeddedIssuer() ? revocations.checking(cached) : cached;
	}

	/** The OIDC provider's keys, with our clock skew instead of the library's minute. */
	private static JwtDecoder provider(SecurityProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
		decoder.setJwtValidator(TokenIssuer.validator(properties.issuerUri(), properties.clockSkew()));
		return decoder;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder, ErrorRenderer errors,
			@Value("${management.server.port:}") String managementPort) throws Exception {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
			Actor actor = CurrentActor.fromJwt(jwt);
			return actor.role() == null ? List.of()
					: List.<GrantedAuthority>of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
		});
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/photos")
				.hasAnyRole(Role.ADMIN.name(), Role.INSPECTOR.name(), Role.DISTRICT_OFFICER.name())
				.requestMatchers(HttpMethod.GET, "/photos/**")
				.authenticated()
				// imports are refused before their file is read, as in AccessPolicy
				.requestMatchers(HttpMethod.POST, "/imports/projects")
				.hasAnyRole(Role.ADMIN.name(), Role.CITY_SUPERVISOR.name(), Role.DISTRICT_OFFICER.name(),
						Role.DEPARTMENT_OFFICER.name())
				.requestMatchers(HttpMethod.POST, "/imports/progress-reports")
				.hasAnyRole(Role.ADMIN.name(), Role.DISTRICT_OFFICER.name(), Role.INSPECTOR.name())
				.requestMatchers("/exports/**")
				.authenticated()
				// metrics name the store's address and more; health details are for
				// admins too (management.endpoint.health.roles)
				.requestMatchers("/actuator/metrics", "/actuator/metrics/**")
				.hasRole(Role.ADMIN.name())
				// the Prometheus scrape: ADMIN on the service's port; open on a separate
				// management port (management.server.port, kept off the public network)
				.requestMatchers(
						(request) -> managementPort.isBlank() && "/actuator/prometheus".equals(request.getRequestURI()))
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
						.authenticationEntryPoint(invalidToken(errors)))
			.exceptionHandling((e) -> e.authenticationEntryPoint(invalidToken(errors))
				.accessDeniedHandler((request, response, ex) -> write(errors, request, response, 403,
						ErrorMessage.detailed(ErrorCode.FORBIDDEN, "role"))));
		return http.build();
	}

	/**
	 * No observations of each security filter, authentication and authorization: a dozen
	 * per request, they took about a tenth of a small query's CPU.
	 * {@code http.server.requests} still times every request.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * graphql-ws: the token comes in the {@code connection_init} payload as
	 * {@code Authorization: Bearer …}.
	 */
	@Bean
	AuthenticationWebSocketInterceptor webSocketAuthentication(JwtDecoder decoder) {
		return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(),
				new ProviderManager(new JwtAuthenticationProvider(decoder)));
	}

	/**
	 * The firewall's refusals (encoded slashes, path traversal…) as a clear 400, not an
	 * error page.
	 */
	@Bean
	HttpFirewall httpFirewall() {
		return HeaderCharacters.firewall();
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler(ErrorRenderer errors) {
		return (request, response, ex) -> write(errors, request, response, 400, ErrorCode.REQUEST_REJECTED.message());
	}

	/**
	 * A 401: {@code INVALID_TOKEN} for a token that does not verify,
	 * {@code UNAUTHENTICATED} where a sign-in is needed and none was sent.
	 */
	private static AuthenticationEntryPoint invalidToken(ErrorRenderer errors) {
		return (request, response, ex) -> {
			if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				write(errors, request, response, 401, ErrorCode.UNAUTHENTICATED.message());
				return;
			}
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			write(errors, request, response, 401, ErrorCode.INVALID_TOKEN.message());
		};
	}

	private static void write(ErrorRenderer errors, HttpServletRequest request, HttpServletResponse response,
			int status, ErrorMessage message) throws IOException {
		Map<String, Object> body = errors.graphQlBody(message, errors.messages().locale(request), Map.of());
		body.put("code", message.code().name());
		errors.write(request, response, status, body);
	}

}
