package gov.shaoxing.investment.measure;

import java.math.BigDecimal;
import java.util.List;

import gov.shaoxing.investment.targets.Unit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One of the work measures of section 三, with the departments that lead it and those that
 * co-implement it.
 */
@Document("measures")
public record WorkMeasure(@Id String id, @Indexed int year, String code, String section, int groupNumber, String group,
		int number, String title, String text, String responsibility, @Indexed List<String> leadDepartmentCodes,
		LeadMode leadMode, @Indexed List<String> coDepartmentCodes, String otherDepartments, boolean districtsImplement,
		List<QuantitativeTarget> quantitativeTargets) {

	/**
	 * How several lead departments share the lead: jointly (牵头/负责) or each for its own
	 * part (分别牵头).
	 */
	public enum LeadMode {

		LEAD, RESPONSIBLE, SEPARATE_LEADS

	}

	/**
	 * A number the measure's text commits to, for example 100 key projects or 100亿元 of
	 * tech-upgrade input.
	 */
	public record QuantitativeTarget(String description, BigDecimal value, Unit unit, String text) {
	}

}
