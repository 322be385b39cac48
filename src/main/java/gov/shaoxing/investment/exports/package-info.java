/**
 * Exports analysts open in Excel: filtered project lists as .xlsx, .csv or .jsonl,
 * streamed with constant memory, and the bulletin, quarterly report and ranking laid out
 * like the plan's attachment tables.
 */
package gov.shaoxing.investment.exports;
