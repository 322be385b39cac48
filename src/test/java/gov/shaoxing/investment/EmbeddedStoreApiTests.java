package gov.shaoxing.investment;

import org.springframework.test.context.TestPropertySource;

/**
 * The API contract on the embedded in-memory store with the read model on (the default
 * configuration).
 */
@TestPropertySource(properties = "investment.store.mode=memory")
class EmbeddedStoreApiTests extends ApiSuite {

}
