package gov.shaoxing.investment.common;

import java.time.Duration;
import java.time.OffsetDateTime;

import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/** The root Mutation and Subscription fields that belong to no feature. */
@Controller
class RootController {

	@MutationMapping
	boolean ping() {
		return true;
	}

	@SubscriptionMapping
	Flux<OffsetDateTime> heartbeat(@Argument Integer seconds) {
		int every = seconds == null ? 15 : seconds;
		if (every < 1 || every > 60) {
			throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "heartbeat", "seconds");
		}
		return Flux.interval(Duration.ofSeconds(every)).map((tick) -> OffsetDateTime.now());
	}

}
