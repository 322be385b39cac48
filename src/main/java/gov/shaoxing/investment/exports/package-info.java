/**
 * Exports analysts open in Excel: filtered project lists as .xlsx, .csv or .jsonl,
 * streamed with constant memory. (The bulletin, quarterly report and ranking workbooks
 * belong to {@code supervision}, the read side, which no feature depends on.)
 */
package gov.shaoxing.investment.exports;
