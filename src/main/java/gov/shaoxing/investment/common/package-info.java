/**
 * Shared building blocks: error codes, global IDs, paging, scalars and the read-model
 * cache. Knows no feature.
 */
package gov.shaoxing.investment.common;
