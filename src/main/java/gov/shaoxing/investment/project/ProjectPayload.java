package gov.shaoxing.investment.project;

import java.util.List;

import gov.shaoxing.investment.common.PayloadError;

/**
 * Result of {@code updateProject}: the project after the change, or the reasons it was
 * refused.
 */
record ProjectPayload(Project project, List<PayloadError> errors) {
}
