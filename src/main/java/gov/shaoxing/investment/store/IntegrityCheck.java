package gov.shaoxing.investment.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * At start, before the web server takes requests, checks all {@link DerivedState} against
 * the primary records and repairs disagreements, logging each repair in one line. Health
 * component {@code integrity} says what the last start repaired. If the store is down at
 * start-up the check is left for the next start (health says so).
 * <p>
 * Derived state can disagree only where a run stopped between a write's steps, so with
 * {@link IntegrityProperties.AtStart#AFTER_UNCLEAN_STOP} the check is skipped when the
 * last run on this data stopped cleanly: a document in {@value #STATE} says
 * {@code RUNNING} from start until a clean stop, which sets {@code STOPPED} after the web
 * server has drained its requests.
 */
@Component("integrity")
public class IntegrityCheck implements SmartLifecycle, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);

	/** After the seed (-100), before the change feed and the web server. */
	static final int PHASE = -50;

	/** Repairs listed in health; the log has them all. */
	static final int LISTED = 50;

	/** Collection of the service's own lifecycle document. */
	static final String STATE = "service_state";

	private static final String LIFECYCLE = "lifecycle";

	private final ObjectProvider<DerivedState> states;

	private final MongoTemplate mongo;

	private final IntegrityProperties.AtStart atStart;

	/** Whether this run recorded itself as running, so that a clean stop may say so. */
	private volatile boolean marked;

	private volatile boolean running;

	private volatile Health last = Health.unknown().withDetail("reason", "not run yet").build();

	IntegrityCheck(ObjectProvider<DerivedState> states, MongoTemplate mongo, IntegrityProperties properties,
			StoreProperties store) {
		this.states = states;
		this.mongo = mongo;
		this.atStart = properties.atStart(store);
	}

	@Override
	public void start() {
		this.running = true;
		Document lastRun = lastRun();
		if (this.atStart == IntegrityProperties.AtStart.AFTER_UNCLEAN_STOP && lastRun != null
				&& "STOPPED".equals(lastRun.getString("state"))) {
			Object at = lastRun.get("at");
			log.info("Integrity check skipped: the last run on this data stopped cleanly at {}", at);
			this.last = Health.up()
				.withDetail("skipped", "the last run on this data stopped cleanly")
				.withDetail("cleanStopAt", String.valueOf(at instanceof Date d ? d.toInstant() : at))
				.build();
		}
		else {
			run();
		}
		this.marked = record("RUNNING");
	}

	/** The lifecycle document, or null when there is none or the store cannot say. */
	private Document lastRun() {
		try {
			return this.mongo.findById(LIFECYCLE, Document.class, STATE);
		}
		catch (DataAccessResourceFailureException | MongoException ex) {
			return null;
		}
	}

	private boolean record(String state) {
		try {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(LIFECYCLE)),
					Update.update("state", state).set("at", new Date()), STATE);
			return true;
		}
		catch (DataAccessResourceFailureException | MongoException ex) {
			log.warn("Could not record the service as {} ({}); the next start checks integrity", state,
					ex.getMessage());
			return false;
		}
	}

	/**
	 * Runs every check; the outcome becomes the health component. Safe to run again: what
	 * agrees is left as it is.
	 */
	public Health run() {
		long started = System.nanoTime();
		Map<String, Object> checked = new LinkedHashMap<>();
		List<String> repairs = new ArrayList<>();
		try {
			for (DerivedState state : this.states.orderedStream().toList()) {
				DerivedState.Checked outcome = state.checkAndRepair();
				outcome.repairs().forEach((line) -> log.warn("Repair: {}", line));
				checked.put(state.name(), outcome.documentsChecked());
				repairs.addAll(outcome.repairs());
			}
		}
		catch (DataAccessResourceFailureException | MongoException ex) {
			log.error("Integrity check not run: the store is unavailable ({})", ex.getMessage());
			this.last = Health.unknown()
				.withDetail("reason", "the store was unavailable at start-up; checked at the next start")
				.build();
			return this.last;
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Integrity check: {} in {} ms; {} repaired", checked, millis, repairs.size());
		this.last = Health.up()
			.withDetail("checkedAt", Instant.now().toString())
			.withDetail("millis", millis)
			.withDetail("checked", checked)
			.withDetail("repaired", repairs.size())
			.withDetail("repairs", repairs.subList(0, Math.min(LISTED, repairs.size())))
			.build();
		return this.last;
	}

	@Override
	public Health health() {
		return this.last;
	}

	@Override
	public void stop() {
		// phase -50 stops after the web server and the feeds: no request is writing now
		if (this.running && this.marked) {
			record("STOPPED");
		}
		this.marked = false;
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
