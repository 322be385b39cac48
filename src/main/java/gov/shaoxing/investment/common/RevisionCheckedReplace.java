package gov.shaoxing.investment.common;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The one revision-checked replace of a document of one type: the document is replaced
 * only if its {@code revision} is still the one that was read, else it is read again and
 * the change worked out anew. A client that named the revision it saw gets a conflict
 * instead of a retry, since its change was decided on what it saw.
 */
public final class RevisionCheckedReplace<T extends RevisionCheckedReplace.Revised> {

	private static final Retry RETRY = Retry.immediately(5, StaleRevision.class);

	private final MongoOperations mongo;

	private final Class<T> type;

	private final String subject;

	/**
	 * @param subject how conflicts name the document
	 * ({@code error.REVISION_CONFLICT.<subject>})
	 */
	public RevisionCheckedReplace(MongoOperations mongo, Class<T> type, String subject) {
		this.mongo = mongo;
		this.type = type;
		this.subject = subject;
	}

	/** A document that counts its changes in {@code revision} (0 as loaded). */
	public interface Revised {

		Integer revision();

	}

	/**
	 * The document before and after; {@code written} is false when nothing was stored.
	 */
	public record Replaced<T>(T before, T after, boolean written) {
	}

	/**
	 * Reads the document, asks {@code change} for its new version (the same instance to
	 * leave it as it is; it may throw the input's problems) and replaces it. A missing
	 * document throws {@code missing}; {@code dryRun} stops before the write.
	 */
	public Replaced<T> replace(String id, Integer expectedRevision, Supplier<ExpectedFailure> missing,
			UnaryOperator<T> change, boolean dryRun) {
		return RETRY.run(() -> attempt(id, expectedRevision, missing, change, dryRun),
				() -> ApiException.detailed(ErrorCode.INTERNAL, "busy", null));
	}

	private Replaced<T> attempt(String id, Integer expectedRevision, Supplier<ExpectedFailure> missing,
			UnaryOperator<T> change, boolean dryRun) {
		T current = this.mongo.findById(id, this.type);
		if (current == null) {
			throw missing.get();
		}
		T changed = change.apply(current);
		if (changed == current) {
			return new Replaced<>(current, current, false);
		}
		if (expectedRevision != null && expectedRevision.intValue() != current.revision().intValue()) {
			throw new ExpectedFailure(PayloadError.detailed("input.expectedRevision", ErrorCode.REVISION_CONFLICT,
					this.subject, current.revision()));
		}
		if (dryRun) {
			return new Replaced<>(current, changed, false);
		}
		T saved = this.mongo.findAndReplace(unchanged(id, current.revision()), changed,
				FindAndReplaceOptions.options().returnNew());
		if (saved != null) {
			return new Replaced<>(current, saved, true);
		}
		if (expectedRevision != null) {
			throw new ExpectedFailure("input.expectedRevision", ErrorCode.REVISION_CONFLICT);
		}
		throw new StaleRevision();
	}

	/** The document as read: documents stored before revisions existed have none. */
	private static Query unchanged(String id, int revision) {
		Object[] revisions = revision == 0 ? new Object[] { 0, null } : new Object[] { revision };
		return Query.query(Criteria.where("_id").is(id).and("revision").in(revisions));
	}

	/** Someone changed the document since it was read: read it again. */
	private static final class StaleRevision extends RuntimeException {

		StaleRevision() {
			super("stale revision", null, false, false);
		}

	}

}
