package gov.shaoxing.investment.seed;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Checks the plan at every start, loads the seed into an empty database, and with the {@code seed} argument
 * re-loads it (upserting) and exits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SeedRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);

	private final SeedLoader loader;

	private final SeedProperties properties;

	private final ConfigurableApplicationContext context;

	SeedRunner(SeedLoader loader, SeedProperties properties, ConfigurableApplicationContext context) {
		this.loader = loader;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.loader.plan();
		if (args.getNonOptionArgs().contains("seed")) {
			this.loader.load();
			log.info("Seed re-loaded; exiting as asked by the 'seed' argument.");
			System.exit(SpringApplication.exit(this.context, () -> 0));
		}
		try {
			if (this.properties.onEmpty() && this.loader.isEmpty()) {
				log.info("Empty database: loading the seed.");
				this.loader.load();
			}
		}
		catch (DataAccessResourceFailureException | MongoException ex) {
			// Start anyway: health says DOWN and requests get STORE_UNAVAILABLE until the store is back.
			log.error("The store is unavailable, so the seed was not checked or loaded: {}", ex.getMessage());
		}
	}

}
