package gov.shaoxing.investment;

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
		SpringApplication.run(InvestmentApplication.class, args);
	}

}
