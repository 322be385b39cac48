package gov.shaoxing.investment.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether hot read paths are served from in-memory copies of the collections. On by
 * default; off, every field goes to the store (one batched query per field), which is how
 * the batching tests prove there is no N+1. With {@code settleHeap}, one full collection
 * follows their loading at start-up ({@link ReadModelWarmer}).
 */
@ConfigurationProperties("investment.read-model")
public record ReadModelProperties(boolean enabled, @DefaultValue("true") boolean settleHeap) {
}
