/**
 * Half-monthly progress reports from the field (半月一督查) and what follows from them: each
 * project's roll-up of current reports, milestones and its traffic light, kept exact
 * without transactions, and the supervision calendar lights are judged on.
 */
package gov.shaoxing.investment.progress;
