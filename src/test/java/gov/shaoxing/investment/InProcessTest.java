package gov.shaoxing.investment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import gov.shaoxing.investment.progress.FixedClockConfig;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The application without a server, for tests of services and the in-process
 * {@code ExecutionGraphQlServiceTester}: "today" is 20 June 2012
 * ({@link FixedClockConfig}), no demo activity, background sweeps held back, and a
 * {@link CommandCounter} on the driver. Each test works on projects of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "investment.store.mode=memory", "investment.seed.demo-activity=false",
		"investment.notices.sweep-initial-delay=PT1H", "investment.supervision.light-sweep-initial-delay=PT1H" })
@AutoConfigureGraphQlTester
@Import({ FixedClockConfig.class, CommandCounter.Config.class })
public @interface InProcessTest {

}
