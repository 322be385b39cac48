package gov.shaoxing.investment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port over the embedded store, with the seed and its demo
 * activity: the application most HTTP tests share, started once for all of them. Tests
 * that change data put it back or write records no other test reads.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "investment.store.mode=memory")
@ExtendWith(GraphQlTesters.Resolver.class)
public @interface ServiceTest {

}
