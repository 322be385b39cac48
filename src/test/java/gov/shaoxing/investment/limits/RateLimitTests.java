package gov.shaoxing.investment.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import gov.shaoxing.investment.GraphQlEndpoint;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.SecurityProperties;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Over its bucket a client gets 429 with Retry-After; other clients are unaffected. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.limits.rate.enabled=true",
				"investment.limits.rate.capacity=2", "investment.limits.rate.refill-per-second=0.01",
				"investment.limits.rate.trust-forwarded-for=true" })
class RateLimitTests {

	@Autowired
	TokenIssuer tokenIssuer;

	@LocalServerPort
	int port;

	GraphQlEndpoint client;

	@BeforeEach
	void connect() {
		this.client = new GraphQlEndpoint(this.port);
	}

	@Test
	void answersTooManyRequestsOverTheLimitAndLeavesOtherClientsAlone() throws Exception {
		String query = "{ districts { code } }";
		String busy = "Bearer " + TestSecurity.token(this.tokenIssuer, Role.ANALYST, null);
		String quiet = "Bearer " + TestSecurity.token(this.tokenIssuer, Role.INSPECTOR, null, "ZHUJI");
		this.client.query(query, "Authorization", busy).hasData();
		this.client.query(query, "Authorization", busy).hasData();
		GraphQlEndpoint.Reply refused = this.client.query(query, "Authorization", busy);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.code()).isEqualTo("RATE_LIMITED");
		assertThat(refused.message()).contains("investment.limits.rate", "2");
		long retryAfter = Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 100L);
		assertThat(refused.body().path("errors").path(0).path("extensions").path("retryAfterSeconds").asLong())
			.isEqualTo(retryAfter);
		// another caller has a bucket of its own
		this.client.query(query, "Authorization", quiet).hasData();
		this.client.query(query).hasData();
	}

	/**
	 * The probe's bypass: a different {@code Authorization} header on every guess used to
	 * get a fresh bucket each time.
	 */
	@Test
	void madeUpAuthorizationHeadersShareTheirAddresssBucket() throws Exception {
		String login = "mutation { login(username: \"admin\", password: \"guess\") { token } }";
		int refused = 0;
		for (int i = 0; i < 10; i++) {
			String header = i % 2 == 0 ? "Basic " + Base64.getEncoder().encodeToString(("admin:" + i).getBytes())
					: "Bearer forged." + i + ".token";
			GraphQlEndpoint.Reply reply = this.client.query(login, "Authorization", header, "X-Forwarded-For",
					"203.0.113.7");
			if (reply.status() == 429) {
				refused++;
				assertThat(reply.code()).isEqualTo("RATE_LIMITED");
			}
		}
		// capacity 2: all but the first two (at most) are turned away, forged bearer
		// tokens
		// included
		assertThat(refused).isGreaterThanOrEqualTo(8);
	}

	@Test
	void aSignedInUserHasOneBucketHoweverManyTokensItHolds() throws Exception {
		String query = "{ districts { code } }";
		int refused = 0;
		for (int i = 0; i < 4; i++) {
			// a fresh token each time, as a client that signs in again would hold
			String token = "Bearer " + this.tokenIssuer
				.issue(new SecurityProperties.User("many_tokens", null, Role.ANALYST, null, List.of()),
						Instant.now().minusSeconds(i), Duration.ofHours(1))
				.value();
			if (this.client.query(query, "Authorization", token).status() == 429) {
				refused++;
			}
		}
		assertThat(refused).isEqualTo(2);
	}

}
