/**
 * Earned value (挣值) of projects over their plan year, and its roll-ups per district, lead
 * department and liaison: planned value from the monthly plan, earned value from physical
 * progress (形象进度法), actual cost from reported investment (财务支出法), and the flag for the
 * two progress bases diverging.
 */
package gov.shaoxing.investment.earnedvalue;
