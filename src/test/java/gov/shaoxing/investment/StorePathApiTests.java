package gov.shaoxing.investment;

import org.springframework.test.context.TestPropertySource;

/**
 * The API contract with the read model off, so every answer comes from store queries:
 * proves the store path gives the same answers as the in-memory one.
 */
@TestPropertySource(properties = { "investment.store.mode=memory", "investment.read-model.enabled=false" })
class StorePathApiTests extends ApiSuite {

}
