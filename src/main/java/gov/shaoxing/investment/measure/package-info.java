/**
 * The plan's work measures (section 三) with their lead and co-implementing departments.
 */
package gov.shaoxing.investment.measure;
