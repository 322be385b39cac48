/**
 * The read side of supervision: actuals against targets, the monthly bulletin (一月一通报),
 * the quarterly report (一季一汇报) and the annual ranking (一年一评比), built in memory from the
 * other features and cached until a change event arrives, and their workbooks to
 * download.
 */
package gov.shaoxing.investment.supervision;
