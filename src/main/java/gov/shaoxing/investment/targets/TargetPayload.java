package gov.shaoxing.investment.targets;

import java.util.List;

import gov.shaoxing.investment.common.PayloadError;

/**
 * Result of {@code updateTarget}: the target after the change, or the reasons it was
 * refused.
 */
record TargetPayload(Target target, List<PayloadError> errors) {
}
