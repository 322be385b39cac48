package gov.shaoxing.investment.limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import gov.shaoxing.investment.common.BoundedCache;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;

import org.springframework.core.io.Resource;

/**
 * Automatic persisted queries in Apollo's protocol ({@code extensions.persistedQuery: {
 * version: 1, sha256Hash }}) and the production allow-list. A client first sends only the
 * hash; when the service does not know it, the client sends the document with its hash,
 * which is checked and kept (the least recently used are forgotten beyond
 * {@code max-entries}); later the hash alone runs it. Operations in the allow-list file
 * are known from the start. With {@code allow-list-only} nothing else runs, whether sent
 * by hash or in full.
 *
 * <p>
 * Spring for GraphQL passes a request without {@code query} but with
 * {@code extensions.persistedQuery} through with graphql-java's marker document; this
 * provider replaces it before parsing.
 *
 * <p>
 * It is also the cache of parsed and validated documents, by query text, whether sent in
 * full or by hash: parsing, validation and the depth and alias checks (which run during
 * validation) cost more than many queries' execution, and dashboards send the same few
 * texts with other variables. Only valid documents are kept, within the same bound on
 * entries and at most {@link #MAX_CACHED_CHARACTERS} characters in all; each carries its
 * {@link CostMemo}.
 */
final class PersistedQueries implements PreparsedDocumentProvider {

	static final long MAX_CACHED_CHARACTERS = 10_000_000;

	private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

	private final boolean allowListOnly;

	private final Map<String, String> allowList;

	private final Map<String, String> learnt;

	private final BoundedCache<String, Parsed> documents;

	PersistedQueries(boolean allowListOnly, Map<String, String> allowList, int maxEntries) {
		this.allowListOnly = allowListOnly;
		this.allowList = Map.copyOf(allowList);
		this.documents = new BoundedCache<>(maxEntries, MAX_CACHED_CHARACTERS);
		this.learnt = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				return size() > maxEntries;
			}

		});
	}

	/**
	 * Reads a JSON object of sha256 → document, refusing to start on an entry whose hash
	 * is not its document's.
	 */
	static Map<String, String> readAllowList(Resource resource, JsonMapper json) throws IOException {
		if (!resource.exists()) {
			return Map.of();
		}
		Map<String, String> entries;
		try (InputStream in = resource.getInputStream()) {
			entries = json.readValue(in, new TypeReference<Map<String, String>>() {
			});
		}
		for (Map.Entry<String, String> entry : entries.entrySet()) {
			String actual = sha256(entry.getValue());
			if (!actual.equals(entry.getKey())) {
				throw new IllegalStateException("Allow-list " + resource.getDescription() + ": the entry "
						+ entry.getKey() + " holds a document whose SHA-256 is " + actual + ".");
			}
		}
		return entries;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture.completedFuture(document(input, parseAndValidate));
	}

	private PreparsedDocumentEntry document(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		boolean hashOnly = query == null || query.isBlank()
				|| PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query);
		Object extension = input.getExtensions().get("persistedQuery");
		if (extension == null) {
			if (hashOnly) {
				return new PreparsedDocumentEntry(LimitErrors
					.error(ErrorMessage.detailed(ErrorCode.PERSISTED_QUERY_INVALID, "noQuery"), Map.of()));
			}
			if (this.allowListOnly && !this.allowList.containsKey(sha256(query))) {
				return new PreparsedDocumentEntry(notAllowed(sha256(query)));
			}
			return parsed(input, parseAndValidate);
		}
		String hash = hash(extension);
		if (hash == null) {
			return new PreparsedDocumentEntry(LimitErrors.error(ErrorCode.PERSISTED_QUERY_INVALID));
		}
		if (hashOnly) {
			String stored = this.allowList.get(hash);
			if (stored == null && !this.allowListOnly) {
				stored = this.learnt.get(hash);
			}
			if (stored == null) {
				return new PreparsedDocumentEntry(this.allowListOnly ? notAllowed(hash) : notFound(hash));
			}
			String document = stored;
			return parsed(input.transform((builder) -> builder.query(document)), parseAndValidate);
		}
		String actual = sha256(query);
		if (!actual.equals(hash)) {
			return new PreparsedDocumentEntry(LimitErrors.error(
					ErrorCode.PERSISTED_QUERY_HASH_MISMATCH.message(hash, actual), Map.of("persistedQueryId", hash)));
		}
		if (this.allowListOnly && !this.allowList.containsKey(hash)) {
			return new PreparsedDocumentEntry(notAllowed(hash));
		}
		PreparsedDocumentEntry entry = parsed(input, parseAndValidate);
		if (!entry.hasErrors() && !this.allowList.containsKey(hash)) {
			this.learnt.put(hash, query);
		}
		return entry;
	}

	/**
	 * The document for the input's query text, parsed and validated once. A document
	 * refused by a limit during validation never gets here (the refusal is thrown), and
	 * one with errors is not kept, so a cached document has passed every check that does
	 * not depend on variables.
	 */
	private PreparsedDocumentEntry parsed(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		Parsed parsed = this.documents.get(query);
		if (parsed == null) {
			PreparsedDocumentEntry entry = parseAndValidate.apply(input);
			if (entry.hasErrors()) {
				return entry;
			}
			parsed = new Parsed(entry, CostMemo.of(entry.getDocument()));
			this.documents.put(query, parsed, query.length());
		}
		input.getGraphQLContext().put(CostMemo.CONTEXT_KEY, parsed.costs());
		return parsed.entry();
	}

	private record Parsed(PreparsedDocumentEntry entry, CostMemo costs) {
	}

	private static String hash(Object extension) {
		if (!(extension instanceof Map<?, ?> map) || !(map.get("version") instanceof Number version)
				|| version.intValue() != 1 || !(map.get("sha256Hash") instanceof String hash)) {
			return null;
		}
		String normalized = hash.toLowerCase(Locale.ROOT);
		return SHA_256.matcher(normalized).matches() ? normalized : null;
	}

	/**
	 * Apollo clients recognise this exact message (and code) and resend the document with
	 * its hash.
	 */
	private static GraphQLError notFound(String hash) {
		return LimitErrors.error(ErrorCode.PERSISTED_QUERY_NOT_FOUND.message(), Map.of("persistedQueryId", hash));
	}

	private static GraphQLError notAllowed(String hash) {
		return LimitErrors.error(ErrorMessage.detailed(ErrorCode.OPERATION_NOT_ALLOWED, "allowList", hash),
				Map.of("persistedQueryId", hash));
	}

}
