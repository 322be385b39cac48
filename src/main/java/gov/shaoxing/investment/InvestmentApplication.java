package gov.shaoxing.investment;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * GraphQL API for Shaoxing's 2012 industrial-upgrade investment programme
 * (绍政办发〔2012〕43号).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class InvestmentApplication {

	public static void main(String[] args) {
		if (Arrays.asList(args).contains("seed")) {
			// the seed command only loads and exits: it must not need, or take, the
			// service's port, nor spend the warm-up on requests nobody will send
			setUnlessSet("server.port", "0");
			setUnlessSet("investment.warm-up.duration", "0s");
		}
		SpringApplication.run(InvestmentApplication.class, args);
	}

	private static void setUnlessSet(String key, String value) {
		if (System.getProperty(key) == null) {
			System.setProperty(key, value);
		}
	}

}
