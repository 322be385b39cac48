/**
 * Start-up repairs of derived state that spans features (idempotency claims against the
 * reports, inspections and statistics they fixed); a leaf that no feature depends on.
 */
package gov.shaoxing.investment.integrity;
