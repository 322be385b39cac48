package gov.shaoxing.investment.seed;

import java.util.List;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Checks the plan at every start and loads the seed into an empty database, before the
 * web server takes requests (a lifecycle phase ahead of it). With the {@code seed}
 * argument it re-loads the seed (upserting) and exits; {@code --scale-projects=N} adds N
 * synthetic projects with their reports before that.
 */
@Component
class SeedRunner implements SmartLifecycle, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);

	/** After the indexes, before the web server. */
	static final int PHASE = -100;

	/**
	 * {@code seed --scale-projects=N} also adds N synthetic projects ({@link ScaleSeed}).
	 */
	static final String SCALE_OPTION = "scale-projects";

	private final SeedLoader loader;

	private final ScaleSeed scale;

	private final SeedProperties properties;

	private final ConfigurableApplicationContext context;

	private final ApplicationArguments arguments;

	private volatile boolean running;

	SeedRunner(SeedLoader loader, ScaleSeed scale, SeedProperties properties, ConfigurableApplicationContext context,
			ApplicationArguments arguments) {
		this.loader = loader;
		this.scale = scale;
		this.properties = properties;
		this.context = context;
		this.arguments = arguments;
	}

	@Override
	public void start() {
		this.running = true;
		this.loader.plan();
		if (this.arguments.getNonOptionArgs().contains("seed")) {
			return;
		}
		try {
			if (this.properties.onEmpty() && this.loader.isEmpty()) {
				log.info("Empty database: loading the seed.");
				this.loader.load();
			}
		}
		catch (DataAccessResourceFailureException | MongoException ex) {
			// Start anyway: health says DOWN and requests get STORE_UNAVAILABLE until the
			// store is back.
			log.error("The store is unavailable, so the seed was not checked or loaded: {}", ex.getMessage());
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.getNonOptionArgs().contains("seed")) {
			this.loader.load();
			log.info("Seed re-loaded.");
			if (args.containsOption(SCALE_OPTION)) {
				this.scale.load(scaleCount(args.getOptionValues(SCALE_OPTION)));
			}
			log.info("Exiting as asked by the 'seed' argument.");
			System.exit(SpringApplication.exit(this.context, () -> 0));
		}
	}

	private static int scaleCount(List<String> values) {
		try {
			int count = Integer.parseInt(values.get(values.size() - 1).strip());
			if (count >= 0 && count <= 1_000_000) {
				return count;
			}
		}
		catch (RuntimeException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--" + SCALE_OPTION + " takes a number of projects from 0 to 1000000.");
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
