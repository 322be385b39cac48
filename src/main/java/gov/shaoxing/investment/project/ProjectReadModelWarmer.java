package gov.shaoxing.investment.project;

import gov.shaoxing.investment.common.ReadModelProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Indexes the projects after the seed and before the web server takes requests, so the
 * first request does not pay for loading them (a lifecycle phase between the two).
 */
@Component
class ProjectReadModelWarmer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProjectReadModelWarmer.class);

	/** After the seed (-100), before the web server. */
	static final int PHASE = -50;

	private final ProjectReadModel readModel;

	private final boolean enabled;

	private volatile boolean running;

	ProjectReadModelWarmer(ProjectReadModel readModel, ReadModelProperties properties) {
		this.readModel = readModel;
		this.enabled = properties.enabled();
	}

	@Override
	public void start() {
		this.running = true;
		if (this.enabled) {
			try {
				this.readModel.index();
			}
			catch (RuntimeException ex) {
				// the store may be down: the first request loads it, or says
				// STORE_UNAVAILABLE
				log.warn("Projects not indexed at start-up: {}", ex.toString());
			}
		}
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
