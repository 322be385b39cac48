package gov.shaoxing.investment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service with its read model off, so every field is answered from the store, and a
 * {@link CommandCounter} on the driver: for the tests that count round trips or check
 * what reaches the store. No demo activity and no background sweeps, whose commands would
 * be counted too. Over HTTP or in process ({@code ExecutionGraphQlServiceTester}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.read-model.enabled=false",
				"investment.seed.demo-activity=false", "investment.notices.sweep-initial-delay=PT1H",
				"investment.supervision.light-sweep-initial-delay=PT1H" })
@AutoConfigureGraphQlTester
@Import(CommandCounter.Config.class)
@ExtendWith(GraphQlTesters.Resolver.class)
public @interface StorePathTest {

}
