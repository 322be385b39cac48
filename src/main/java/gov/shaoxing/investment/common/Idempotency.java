package gov.shaoxing.investment.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * Client idempotency keys, for phones that retry on bad networks, and the one flow every
 * idempotent write goes through ({@link #write}): claim the key, validate, apply,
 * complete; release the key if the request fails before it wrote anything.
 * <p>
 * A key belongs to the signed-in user who sent it: the same key from another user is
 * another key. The first request with a key claims it (one insert on a unique id, so only
 * one of two racing requests wins) and fixes the id of what it creates and a sequence
 * number; a retry with the same input replays the original result, and the same key with
 * a different input is refused with {@code IDEMPOTENCY_KEY_REUSED}. A request that fails
 * (validation, a refusal, an internal error) before its first write does not keep the
 * key, so the corrected retry goes through.
 */
@Component
public class Idempotency {

	/** The input field every idempotent mutation names its key in. */
	public static final String FIELD = "input.idempotencyKey";

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
	 * One idempotent write.
	 *
	 * @param scope what is written ({@code progress}, {@code inspection}…)
	 * @param owner who sends it: keys are scoped to the user
	 * @param key the client's idempotency key
	 * @param canonicalInput the input as one unambiguous text, for the fingerprint
	 * @param newResultId the id the request creates if it is the first
	 * @param validate checks the input, reading only; throws {@link ExpectedFailure}
	 * @param apply does the work, idempotently (a resumed request runs it again), calling
	 * {@link Claim#wrote()} after its first durable write
	 * @param replay the stored result of a finished request, or null if it is gone (then
	 * the work is done again)
	 */
	public record Write<V, T>(String scope, String owner, String key, String canonicalInput,
			Supplier<String> newResultId, Supplier<V> validate, BiFunction<Claim, V, T> apply,
			Function<Claim, T> replay) {
	}

	/** Runs a write through claim, validate, apply and complete. */
	public <V, T> T write(Write<V, T> write) {
		if (!isValidKey(write.key())) {
			throw invalidKey(write);
		}
		Claim claim = claim(write.scope(), write.owner(), write.key(), fingerprint(write.canonicalInput()),
				write.newResultId().get());
		if (claim.outcome() == Outcome.REUSED_WITH_OTHER_INPUT) {
			throw new ExpectedFailure(FIELD, ErrorCode.IDEMPOTENCY_KEY_REUSED);
		}
		if (claim.outcome() == Outcome.REPLAY) {
			T original = write.replay().apply(claim);
			if (original != null) {
				return original;
			}
		}
		try {
			T result = write.apply().apply(claim, write.validate().get());
			complete(claim);
			return result;
		}
		catch (RuntimeException ex) {
			release(claim);
			throw ex;
		}
	}

	/** The key's format error, with the input's other errors, all at once. */
	private static ExpectedFailure invalidKey(Write<?, ?> write) {
		List<PayloadError> errors = new ArrayList<>();
		errors.add(new PayloadError(FIELD, ErrorCode.INVALID_IDEMPOTENCY_KEY));
		try {
			write.validate().get();
		}
		catch (ExpectedFailure ex) {
			errors.addAll(ex.errors());
		}
		return new ExpectedFailure(errors);
	}

	/**
	 * Claims {@code key} of {@code owner} in {@code scope} for a request with the given
	 * fingerprint. {@code newResultId} is the id the request will create if it is the
	 * first; a retry gets the first request's id back.
	 */
	Claim claim(String scope, String owner, String key, String fingerprint, String newResultId) {
		String id = scope + ":" + URLEncoder.encode(owner, StandardCharsets.UTF_8) + ":" + key;
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
	void complete(Claim claim) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.record().id())),
				Update.update("state", State.DONE), Record.class);
	}

	/**
	 * Gives the key back after a failure, if this request claimed it and wrote nothing. A
	 * resumed claim is kept: the attempt it resumes may have written, and only a retry
	 * with the same input may finish that.
	 */
	private void release(Claim claim) {
		if (claim.outcome() != Outcome.FIRST || claim.written()) {
			return;
		}
		try {
			this.mongo.remove(Query.query(Criteria.where("_id")
				.is(claim.record().id())
				.and("fingerprint")
				.is(claim.record().fingerprint())
				.and("state")
				.is(State.PENDING)), Record.class);
		}
		catch (RuntimeException ex) {
			// the request fails anyway; the key stays claimed, as before this release
		}
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

	/**
	 * The outcome of a claim and the key's record; the writer says when it has written.
	 */
	public static final class Claim {

		private final Outcome outcome;

		private final Record record;

		private volatile boolean written;

		Claim(Outcome outcome, Record record) {
			this.outcome = outcome;
			this.record = record;
		}

		public Outcome outcome() {
			return this.outcome;
		}

		public Record record() {
			return this.record;
		}

		public String resultId() {
			return this.record.resultId();
		}

		public long sequence() {
			return this.record.sequence();
		}

		/**
		 * The request has made its first durable write: from now on a failure keeps the
		 * key, so a retry finishes the work instead of starting it anew.
		 */
		public void wrote() {
			this.written = true;
		}

		boolean written() {
			return this.written;
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
