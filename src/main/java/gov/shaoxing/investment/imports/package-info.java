/**
 * Imports of projects and half-monthly progress reports from .xlsx and .csv files in the
 * service's templates: jobs with dry runs, upserts by natural key, streamed reading, per
 * row and column errors.
 */
package gov.shaoxing.investment.imports;
