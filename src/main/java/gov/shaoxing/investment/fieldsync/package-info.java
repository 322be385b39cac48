/**
 * Offline field sync: a phone that worked without a network sends the progress reports
 * and inspections it captured in one batch. Each item goes through the same submission
 * services as the single mutations (validation, roles, idempotency keys), in capture
 * order, and gets its own result, so a retried or overlapping batch changes nothing.
 */
package gov.shaoxing.investment.fieldsync;
