/**
 * Inspections (督查): an inspector's on-site visit to a project, recorded from a phone with
 * its GPS position, findings, a rating and photos; problems found become notices for the
 * departments asked to solve them. Photos are uploaded over plain HTTP
 * ({@code POST /photos}) and kept in GridFS.
 */
package gov.shaoxing.investment.inspection;
