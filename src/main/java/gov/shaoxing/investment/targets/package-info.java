/**
 * Annual targets per district and city-wide, per indicator, in the plan's units.
 */
package gov.shaoxing.investment.targets;
