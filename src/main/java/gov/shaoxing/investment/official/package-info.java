/**
 * Officials to contact: city leaders and department cadres.
 */
package gov.shaoxing.investment.official;
