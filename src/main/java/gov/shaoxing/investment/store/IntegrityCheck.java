package gov.shaoxing.investment.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * At every start, before the web server takes requests, checks all {@link DerivedState}
 * against the primary records and repairs disagreements, logging each repair in one line.
 * Health component {@code integrity} says what the last start repaired. If the store is
 * down at start-up the check is left for the next start (health says so).
 */
@Component("integrity")
public class IntegrityCheck implements SmartLifecycle, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);

	/** After the seed (-100), before the change feed and the web server. */
	static final int PHASE = -50;

	/** Repairs listed in health; the log has them all. */
	static final int LISTED = 50;

	private final ObjectProvider<DerivedState> states;

	private volatile boolean running;

	private volatile Health last = Health.unknown().withDetail("reason", "not run yet").build();

	IntegrityCheck(ObjectProvider<DerivedState> states) {
		this.states = states;
	}

	@Override
	public void start() {
		this.running = true;
		run();
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
