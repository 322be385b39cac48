/**
 * The audit trail: one record for every mutation attempt and failed sign-in, with the
 * input (no secrets) and the changed document before and after, readable by ADMIN and
 * CITY_SUPERVISOR.
 */
package gov.shaoxing.investment.audit;
