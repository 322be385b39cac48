package gov.shaoxing.investment.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Checks the transcribed plan: for every additive column of every attachment, the
 * district figures must add up to the 全市 (or 合计) row. A transcription slip is caught
 * here, before anything is loaded.
 */
final class PlanValidator {

	private PlanValidator() {
	}

	/** The mismatches, one readable line each; empty when the plan is consistent. */
	static List<String> mismatches(JsonNode plan) {
		List<String> problems = new ArrayList<>();
		for (JsonNode attachment : plan.get("attachments")) {
			JsonNode columns = attachment.get("columns");
			for (int c = 0; c < columns.size(); c++) {
				JsonNode column = columns.get(c);
				if (!column.get("additive").asBoolean()) {
					continue;
				}
				BigDecimal sum = BigDecimal.ZERO;
				for (JsonNode row : attachment.get("rows")) {
					sum = sum.add(new BigDecimal(row.get(c).asString()));
				}
				BigDecimal total = new BigDecimal(attachment.get("total").get(c).asString());
				if (sum.compareTo(total) != 0) {
					problems.add("附件" + attachment.get("number").asInt() + " column " + (c + 1) + " ("
							+ column.get("indicator").asString() + ", " + column.get("value").asString()
							+ "): districts add up to " + sum.toPlainString() + " but the total row says "
							+ total.toPlainString());
				}
			}
		}
		return problems;
	}

}
