package gov.shaoxing.investment.audit;

import java.util.Map;

import org.bson.Document;

import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Lets a service say which document a mutation changed and how it looked before and
 * after. Mutations run one at a time on the request's thread, so a thread-local scoped by
 * {@link AuditedMutations} is enough.
 */
public final class AuditContext {

	private static final ThreadLocal<Change> CURRENT = new ThreadLocal<>();

	private static volatile MongoConverter converter;

	private AuditContext() {
	}

	static void use(MongoConverter mongoConverter) {
		converter = mongoConverter;
	}

	/** Records the change of the current mutation; the last call wins. */
	public static void changed(String subjectType, String subjectId, Object before, Object after) {
		CURRENT.set(new Change(subjectType, subjectId, toMap(before), toMap(after)));
	}

	static Change take() {
		Change change = CURRENT.get();
		CURRENT.remove();
		return change;
	}

	static void clear() {
		CURRENT.remove();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> toMap(Object value) {
		if (value == null) {
			return null;
		}
		MongoConverter c = converter;
		if (c == null) {
			return Map.of("value", String.valueOf(value));
		}
		Document document = new Document();
		c.write(value, document);
		return document;
	}

	record Change(String subjectType, String subjectId, Map<String, Object> before, Map<String, Object> after) {
	}

}
