/**
 * Economy-wide statistics reported by districts (year to date, per month and indicator),
 * the source of the actuals that projects alone cannot give.
 */
package gov.shaoxing.investment.indicator;
