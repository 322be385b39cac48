package gov.shaoxing.investment.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The request limits, under {@code investment.limits}; every value has a default, so none
 * needs setting.
 *
 * @param maxDepth deepest nesting of fields (introspection's own fields excepted)
 * @param maxCost largest estimated number of field values a response may hold (see
 * {@link QueryCost})
 * @param maxAliases most aliased fields in one document, fragments counted where spread
 * @param maxFields most field selections in one document once every fragment is expanded
 * where it is spread
 * @param maxTokens most grammar tokens the parser reads before giving up
 * @param maxCharacters longest document in characters
 * @param timeout longest time one operation may run
 * @param concurrentQueries most queries executing at once (the rest wait their turn,
 * within the timeout); 0 for no bound; by default twice the available processors
 * @param introspectionForAnonymous whether callers without an {@code Authorization}
 * header may introspect
 * @param persistedQueries automatic persisted queries and the allow-list
 * @param rate per-client rate limiting
 */
@ConfigurationProperties("investment.limits")
record LimitsProperties(Integer maxDepth, Integer maxCost, Integer maxAliases, Integer maxFields, Integer maxTokens,
		Integer maxCharacters, Duration timeout, Integer concurrentQueries, Boolean introspectionForAnonymous,
		PersistedQueries persistedQueries, Rate rate) {

	public LimitsProperties {
		maxDepth = (maxDepth != null) ? maxDepth : 15;
		maxCost = (maxCost != null) ? maxCost : 50_000;
		maxAliases = (maxAliases != null) ? maxAliases : 50;
		maxFields = (maxFields != null) ? maxFields : 10_000;
		maxTokens = (maxTokens != null) ? maxTokens : 15_000;
		maxCharacters = (maxCharacters != null) ? maxCharacters : 1_000_000;
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		concurrentQueries = (concurrentQueries != null) ? concurrentQueries
				: 2 * Runtime.getRuntime().availableProcessors();
		introspectionForAnonymous = (introspectionForAnonymous != null) ? introspectionForAnonymous : true;
		persistedQueries = (persistedQueries != null) ? persistedQueries : new PersistedQueries(null, null, null);
		rate = (rate != null) ? rate : new Rate(null, null, null, null, null);
	}

	/**
	 * Automatic persisted queries (Apollo APQ) and the production allow-list.
	 *
	 * @param allowListOnly run only operations whose sha256 is in the allow-list
	 * @param allowList resource location of a JSON object mapping sha256 hashes to
	 * documents
	 * @param maxEntries most documents kept for APQ; the least recently used go first
	 */
	public record PersistedQueries(Boolean allowListOnly, String allowList, Integer maxEntries) {

		public PersistedQueries {
			allowListOnly = (allowListOnly != null) ? allowListOnly : false;
			allowList = (allowList != null) ? allowList : "classpath:persisted-queries.json";
			maxEntries = (maxEntries != null) ? maxEntries : 1000;
		}

	}

	/**
	 * A token bucket per client.
	 *
	 * @param enabled off by default: a gateway usually limits rates
	 * @param capacity requests a client may make at once
	 * @param refillPerSecond requests a client regains per second
	 * @param trustForwardedFor key anonymous clients by the first {@code X-Forwarded-For}
	 * address (only behind a proxy that sets it)
	 * @param maxClients most clients tracked; idle ones are forgotten first
	 */
	public record Rate(Boolean enabled, Integer capacity, Double refillPerSecond, Boolean trustForwardedFor,
			Integer maxClients) {

		public Rate {
			enabled = (enabled != null) ? enabled : false;
			capacity = (capacity != null) ? capacity : 60;
			refillPerSecond = (refillPerSecond != null) ? refillPerSecond : 1.0;
			trustForwardedFor = (trustForwardedFor != null) ? trustForwardedFor : false;
			maxClients = (maxClients != null) ? maxClients : 10_000;
		}

	}

}
