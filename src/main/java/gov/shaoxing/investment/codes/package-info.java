/**
 * Checks the district and department codes that queries and subscriptions filter by, so
 * that a typo is an error with suggestions rather than an empty answer.
 */
package gov.shaoxing.investment.codes;
