package gov.shaoxing.investment.official;

import java.util.List;

import gov.shaoxing.investment.common.PayloadError;

/** Result of {@code createOfficial} and {@code updateOfficial}. */
record OfficialPayload(Official official, List<PayloadError> errors) {
}
