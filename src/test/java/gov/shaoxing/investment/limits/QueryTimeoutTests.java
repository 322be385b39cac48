package gov.shaoxing.investment.limits;

import gov.shaoxing.investment.GraphQlEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A query running past {@code investment.limits.timeout} is stopped with an error naming
 * the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.limits.timeout=1ns" })
class QueryTimeoutTests {

	@LocalServerPort
	int port;

	@Test
	void stopsAQueryThatRunsPastTheTimeout() throws Exception {
		new GraphQlEndpoint(this.port).query("{ districts { code name targets(year: 2012) { indicator } } }")
			.rejectedWith("QUERY_TIMEOUT", "limit of 1 ns", "investment.limits.timeout");
	}

}
