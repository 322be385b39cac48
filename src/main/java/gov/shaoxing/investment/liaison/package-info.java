/**
 * Holding the 一对一 liaison to account (三(六)1): each city leader's and cadre's scorecard,
 * who to call first in a district, and the escalation of a project that stays red to its
 * city leader (约谈). Red half-months are judged again from the reports, so everything here
 * is derived from primary records and can be recomputed at any time.
 */
package gov.shaoxing.investment.liaison;
