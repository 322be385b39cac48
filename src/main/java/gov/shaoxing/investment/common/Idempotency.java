package gov.shaoxing.investment.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Client idempotency keys, for phones that retry on bad networks. The first request with
 * a key claims it (one insert on a unique id, so only one of two racing requests wins)
 * and fixes the id of what it creates and a sequence number; a retry with the same input
 * replays the original result, and the same key with a different input is refused.
 */
@Component
public class Idempotency {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,100}");

	private final MongoTemplate mongo;

	private final Clock clock;

	Idempotency(MongoTemplate mongo, java.time.Clock clock) {
		this.mongo = mongo;
		this.clock = new Clock(clock);
	}

	public static boolean isValidKey(String key) {
		return key != null && KEY.matcher(key).matches();
	}

	/** A stable fingerprint of a request's input, for comparing retries. */
	public static String fingerprint(String canonicalInput) {
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(canonicalInput.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Claims {@code key} in {@code scope} for a request with the given fingerprint.
	 * {@code newResultId} is the id the request will create if it is the first; a retry
	 * gets the first request's id back.
	 */
	public Claim claim(String scope, String key, String fingerprint, String newResultId) {
		String id = scope + ":" + key;
		Record fresh = new Record(id, fingerprint, newResultId, nextSequence(scope), State.PENDING, this.clock.now());
		try {
			this.mongo.insert(fresh);
			return new Claim(Outcome.FIRST, fresh);
		}
		catch (DuplicateKeyException ex) {
			Record existing = this.mongo.findById(id, Record.class);
			if (existing == null) {
				throw ex;
			}
			if (!existing.fingerprint().equals(fingerprint)) {
				return new Claim(Outcome.REUSED_WITH_OTHER_INPUT, existing);
			}
			return new Claim(existing.state() == State.DONE ? Outcome.REPLAY : Outcome.RESUME, existing);
		}
	}

	/**
	 * Marks the claimed request as finished; a later retry replays it without writing.
	 */
	public void complete(Claim claim) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.record().id())),
				Update.update("state", State.DONE), Record.class);
	}

	/**
	 * A store-wide increasing number; later claims get larger numbers, so a late retry
	 * can never win.
	 */
	private long nextSequence(String scope) {
		Counter counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is("idempotency:" + scope)),
				new Update().inc("value", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Counter.class);
		return counter.value();
	}

	/** How a claim went. */
	public enum Outcome {

		/** The key is new: do the work. */
		FIRST,
		/**
		 * The key was claimed by an identical request that did not finish: do the work
		 * again, idempotently.
		 */
		RESUME,
		/**
		 * The key was used by an identical request that finished: return its result,
		 * write nothing.
		 */
		REPLAY,
		/** The key was used with different input: refuse. */
		REUSED_WITH_OTHER_INPUT

	}

	/** The state of a key. */
	public enum State {

		PENDING, DONE

	}

	/** The outcome of a claim and the key's record. */
	public record Claim(Outcome outcome, Record record) {

		public String resultId() {
			return this.record.resultId();
		}

		public long sequence() {
			return this.record.sequence();
		}

	}

	/** A claimed key. */
	@Document("idempotency_keys")
	public record Record(@Id String id, String fingerprint, String resultId, long sequence, State state,
			Instant createdAt) {
	}

	@Document("counters")
	record Counter(@Id String id, long value) {
	}

	private record Clock(java.time.Clock clock) {

		Instant now() {
			return this.clock.instant();
		}

	}

}
