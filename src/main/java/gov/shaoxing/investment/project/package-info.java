/**
 * Major projects: search, filters, paging, aggregates and their batched links to
 * districts, departments and liaison officials.
 */
package gov.shaoxing.investment.project;
