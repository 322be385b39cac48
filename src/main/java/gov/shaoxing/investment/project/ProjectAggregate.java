package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sums over every project that matched a filter, not only the page; computed only when
 * asked for.
 */
public record ProjectAggregate(List<Project> matches) {

	public int count() {
		return this.matches.size();
	}

	public BigDecimal totalInvestment() {
		return sum(this.matches, Project::totalInvestment);
	}

	public BigDecimal plannedInvestment() {
		return sum(this.matches, Project::plannedInvestment);
	}

	/**
	 * The matches grouped by a key, groups in first-seen order of the given key order.
	 */
	List<ProjectGroup> groups(Function<Project, String> key) {
		Map<String, List<Project>> grouped = new LinkedHashMap<>();
		for (Project p : this.matches) {
			grouped.computeIfAbsent(key.apply(p), (k) -> new java.util.ArrayList<>()).add(p);
		}
		return grouped.entrySet()
			.stream()
			.map((e) -> new ProjectGroup(e.getKey(), e.getValue().size(), sum(e.getValue(), Project::totalInvestment),
					sum(e.getValue(), Project::plannedInvestment)))
			.toList();
	}

	static BigDecimal sum(List<Project> projects, Function<Project, BigDecimal> amount) {
		BigDecimal total = BigDecimal.ZERO;
		for (Project p : projects) {
			BigDecimal value = amount.apply(p);
			if (value != null) {
				total = total.add(value);
			}
		}
		return total;
	}

	/** One group of an aggregate. */
	public record ProjectGroup(String key, int count, BigDecimal totalInvestment, BigDecimal plannedInvestment) {
	}

}
