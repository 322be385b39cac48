/**
 * Problem notices (督办): problems raised in progress reports and inspections, addressed to
 * a department with a deadline, moved from OPEN through IN_PROGRESS to RESOLVED, and
 * marked OVERDUE by a sweep.
 */
package gov.shaoxing.investment.notice;
