package gov.shaoxing.investment.audit;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.Ids;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.security.Actor;
import graphql.execution.DataFetcherResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes audit records. The input is kept in a form that always fits the store (text for
 * anything but plain strings, whole numbers and booleans), so an input the service
 * refused as out of range is still recorded as it was sent. Secrets (passwords) never
 * reach a record.
 */
@Component
class AuditTrail {

	static final String OK = "OK";

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private final MongoTemplate mongo;

	@Autowired
	AuditTrail(MongoTemplate mongo) {
		this(mongo, true);
	}

	/**
	 * @param describeChanges whether services' changed documents are described with this
	 * store's converter (tests that write no records pass false)
	 */
	AuditTrail(MongoTemplate mongo, boolean describeChanges) {
		this.mongo = mongo;
		if (describeChanges) {
			AuditContext.use(mongo.getConverter());
		}
	}

	/** What one mutation attempt came to. */
	record Attempt(String action, Actor actor, Map<String, Object> arguments, String outcome, List<String> errorCodes,
			AuditContext.Change change) {
	}

	/**
	 * Writes the record; throws if it cannot be written, so that an acknowledged change
	 * never goes without its record.
	 */
	void write(Attempt attempt) {
		Map<String, Object> input = safe(attempt.arguments());
		Actor actor = attempt.actor();
		boolean login = "login".equals(attempt.action());
		String who = actor.signedIn() ? actor.name()
				: login && input.get("username") instanceof String u ? u : "anonymous";
		AuditContext.Change change = attempt.change();
		this.mongo.insert(
				new AuditRecord(Ids.next("A"), Instant.now(), who, actor.role() == null ? null : actor.role().name(),
						login && !OK.equals(attempt.outcome()) ? "LOGIN_FAILED" : attempt.action(), input,
						attempt.outcome(), attempt.errorCodes(), change == null ? null : change.subjectType(),
						change == null ? null : change.subjectId(), change == null ? null : change.before(),
						change == null ? null : change.after()));
	}

	/** Writes the record of an attempt that changed nothing; a failure is logged. */
	void writeRefused(Attempt attempt) {
		try {
			write(attempt);
		}
		catch (RuntimeException ex) {
			log.error("Audit record for the refused {} by {} could not be written: {}", attempt.action(),
					attempt.actor().name(), ex.toString());
		}
	}

	/** The attempt of a mutation that returned {@code result}. */
	static Attempt returned(String action, Actor actor, Map<String, Object> arguments, AuditContext.Change change,
			Object result) {
		List<String> codes = errorCodes(result);
		String outcome = result instanceof DataFetcherResult<?> r && !r.getErrors().isEmpty() ? "DENIED"
				: codes.isEmpty() ? OK : "REJECTED";
		return new Attempt(action, actor, arguments, outcome, codes, change);
	}

	/** The attempt of a mutation that threw. */
	static Attempt failed(String action, Actor actor, Map<String, Object> arguments, AuditContext.Change change,
			Throwable failure) {
		Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
		String code = cause instanceof ApiException api ? api.code().name() : ErrorCode.INTERNAL.name();
		return new Attempt(action, actor, arguments, cause instanceof ApiException ? "DENIED" : "FAILED", List.of(code),
				change);
	}

	/**
	 * The arguments without passwords, at any depth, and in a form the store always
	 * takes: strings, whole numbers and booleans as they are, everything else (decimals,
	 * dates, enums) as its text.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> safe(Map<String, Object> arguments) {
		Map<String, Object> copy = new LinkedHashMap<>();
		arguments.forEach((key, value) -> {
			if (key.toLowerCase(Locale.ROOT).contains("password")) {
				return;
			}
			copy.put(safeKey(key), safeValue(value));
		});
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Object safeValue(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			return safe((Map<String, Object>) map);
		}
		if (value instanceof Collection<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((v) -> copy.add(safeValue(v)));
			return copy;
		}
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		if (value instanceof TemporalAccessor || value instanceof Number) {
			return value.toString();
		}
		return String.valueOf(value);
	}

	/**
	 * Field names the store refuses ({@code $…}, dots) are kept readable but harmless.
	 */
	private static String safeKey(String key) {
		String k = key.replace('.', '_').replace('\0', '_');
		return k.startsWith("$") ? "_" + k : k;
	}

	/**
	 * Payload errors of a mutation's result record, if it has an {@code errors()}
	 * component.
	 */
	private static List<String> errorCodes(Object result) {
		List<String> codes = new ArrayList<>();
		if (result != null && result.getClass().isRecord()) {
			for (RecordComponent component : result.getClass().getRecordComponents()) {
				if (component.getName().equals("errors")) {
					try {
						Method accessor = component.getAccessor();
						accessor.setAccessible(true);
						if (accessor.invoke(result) instanceof List<?> list) {
							for (Object e : list) {
								if (e instanceof PayloadError p) {
									codes.add(p.code());
								}
							}
						}
					}
					catch (ReflectiveOperationException ex) {
						// not a payload
					}
				}
			}
		}
		return codes;
	}

}
