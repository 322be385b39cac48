/**
 * Districts: the plan's assessment units (县、市、区, zones) and 市直.
 */
package gov.shaoxing.investment.district;
