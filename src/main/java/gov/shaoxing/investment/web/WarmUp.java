package gov.shaoxing.investment.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Before the web server takes requests, runs the reads in
 * {@code warm-up/operations.graphql} through the same GraphQL handler as HTTP, as a
 * signed-in analyst, for {@code investment.warm-up.duration} (default 10 s; 0 turns it
 * off), and writes each answer as JSON. The JIT then has compiled the request path before
 * the first client arrives: without it the project page took about 30 s of load to reach
 * its settled throughput. Read-only; a failing operation is logged once and skipped.
 */
@Component
class WarmUp implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	/** After the read models load (-40), before the change feed and the web server. */
	static final int PHASE = -30;

	static final String OPERATIONS = "warm-up/operations.graphql";

	private static final String CARD = "WarmUpCard";

	private final WebGraphQlHandler handler;

	private final JsonMapper json;

	private final Duration duration;

	private volatile boolean running;

	private volatile Outcome last = new Outcome(0, 0, List.of());

	/** What a warm-up ran: requests answered, those with errors, operations skipped. */
	record Outcome(int requests, int failed, List<String> skipped) {
	}

	WarmUp(WebGraphQlHandler handler, JsonMapper json, @Value("${investment.warm-up.duration:10s}") Duration duration) {
		this.handler = handler;
		this.json = json;
		this.duration = duration;
	}

	@Override
	public void start() {
		this.running = true;
		if (this.duration.isZero() || this.duration.isNegative()) {
			return;
		}
		try {
			this.last = run(this.duration);
			log.info("Warm-up: {} requests in {} ms ({} with errors{})", this.last.requests(), this.duration.toMillis(),
					this.last.failed(), this.last.skipped().isEmpty() ? "" : "; skipped " + this.last.skipped());
		}
		catch (RuntimeException | IOException ex) {
			// never a reason not to start
			log.warn("Warm-up not run: {}", ex.toString());
		}
	}

	/** Runs the operations in turn until the time is up. */
	Outcome run(Duration budget) throws IOException {
		String document = operations();
		List<String> names = new ArrayList<>();
		Parser.parse(document)
			.getDefinitionsOfType(OperationDefinition.class)
			.forEach((operation) -> names.add(operation.getName()));
		List<String> skipped = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		int requests = 0;
		int failed = 0;
		long deadline = System.nanoTime() + budget.toNanos();
		SecurityContextHolder.getContext().setAuthentication(analyst());
		try {
			while (System.nanoTime() < deadline && skipped.size() < names.size()) {
				for (String name : names) {
					if (skipped.contains(name) || (CARD.equals(name) && ids.isEmpty())) {
						continue;
					}
					Map<String, Object> variables = CARD.equals(name) ? Map.of("id", ids.get(requests % ids.size()))
							: Map.of();
					WebGraphQlResponse response = execute(document, name, variables);
					requests++;
					this.json.writeValueAsBytes(response.toMap());
					if (!response.getErrors().isEmpty()) {
						failed++;
						skipped.add(name);
						log.warn("Warm-up: {} answered with errors, skipped: {}", name,
								response.getErrors().get(0).getMessage());
					}
					else if (ids.size() < 100) {
						collectIds(response.getData(), ids);
					}
				}
				if (ids.isEmpty() && !skipped.contains(CARD)) {
					// no page answered with projects to open
					skipped.add(CARD);
				}
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		return new Outcome(requests, failed, List.copyOf(skipped));
	}

	Outcome last() {
		return this.last;
	}

	private WebGraphQlResponse execute(String document, String operation, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("operationName", operation);
		body.put("variables", variables);
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, Map.of(), body, "warm-up", Locale.ROOT);
		return this.handler.handleRequest(request).block(Duration.ofSeconds(30));
	}

	/** Every project id on a page answer, for the cards. */
	private static void collectIds(Object data, List<String> ids) {
		if (data instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if ("id".equals(key) && value instanceof String id && !ids.contains(id)) {
					ids.add(id);
				}
				else {
					collectIds(value, ids);
				}
			});
		}
		else if (data instanceof List<?> list) {
			list.forEach((item) -> collectIds(item, ids));
		}
	}

	private static String operations() throws IOException {
		try (InputStream in = new ClassPathResource(OPERATIONS).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** A token that never leaves the process: the analyst's view, phones included. */
	private static JwtAuthenticationToken analyst() {
		Jwt jwt = Jwt.withTokenValue("warm-up")
			.header("alg", "none")
			.subject("warm-up")
			.claim("role", "ANALYST")
			.build();
		return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_ANALYST")));
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
