package gov.shaoxing.investment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service on a random port without the demo activity, so the tests that write
 * projects, users, targets and imports see only the seed's records and their own. Sign-in
 * throttling keys callers by {@code X-Forwarded-For} (SignInTests plays several
 * addresses; no other test sends the header) and imports stop at 300 KB
 * (ProjectImportTests; no other test here imports).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.seed.demo-activity=false",
				"investment.limits.rate.trust-forwarded-for=true", "investment.imports.max-size=300KB" })
@ExtendWith(GraphQlTesters.Resolver.class)
public @interface QuietServiceTest {

}
