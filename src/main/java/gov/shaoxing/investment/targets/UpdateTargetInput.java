package gov.shaoxing.investment.targets;

import java.math.BigDecimal;

/**
 * A revision of one target's figures: new guaranteed and/or stretch values (absent ones
 * stay), why, and optionally the revision the caller last saw, so that two supervisors
 * editing at once cannot silently overwrite each other.
 */
public record UpdateTargetInput(String id, BigDecimal guaranteed, BigDecimal stretch, Boolean clearStretch,
		String reason, Integer expectedRevision) {
}
