/**
 * Loading and checking the seed: the plan as transcribed and the demo project set.
 */
package gov.shaoxing.investment.seed;
