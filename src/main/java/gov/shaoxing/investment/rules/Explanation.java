package gov.shaoxing.investment.rules;

import java.util.List;

/**
 * Why a light or a score is what it is: the rule version that judged it, the figures that
 * went in, the thresholds (or weights) they were compared with, and one sentence.
 */
public record Explanation(int ruleVersion, List<NamedValue> inputs, List<NamedValue> thresholds, String reason) {

	public Explanation {
		inputs = List.copyOf(inputs);
		thresholds = List.copyOf(thresholds);
	}

}
