package gov.shaoxing.investment;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API contract on a real MongoDB (a single-node replica set); skipped where Docker is
 * not available.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoDbApiTests extends ApiSuite {

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("investment.store.uri", mongo::getReplicaSetUrl);
	}

}
