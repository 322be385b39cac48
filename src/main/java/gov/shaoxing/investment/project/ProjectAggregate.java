package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Sums over every project that matched a filter, not only the page; the matches are
 * gathered only when a figure is asked for, and once. Public because supervision reads
 * the matches of a search through it.
 */
public final class ProjectAggregate {

	private final IntSupplier count;

	private final Supplier<List<Project>> find;

	private volatile List<Project> matches;

	ProjectAggregate(IntSupplier count, Supplier<List<Project>> matches) {
		this.count = count;
		this.find = matches;
	}

	public int count() {
		return this.count.getAsInt();
	}

	public BigDecimal totalInvestment() {
		return sum(matches(), Project::totalInvestment);
	}

	public BigDecimal plannedInvestment() {
		return sum(matches(), Project::plannedInvestment);
	}

	/**
	 * The matches grouped by a key, groups in first-seen order of the matches' order.
	 */
	List<ProjectGroup> groups(Function<Project, String> key) {
		Map<String, List<Project>> grouped = new LinkedHashMap<>();
		for (Project p : matches()) {
			grouped.computeIfAbsent(key.apply(p), (k) -> new ArrayList<>()).add(p);
		}
		return grouped.entrySet()
			.stream()
			.map((e) -> new ProjectGroup(e.getKey(), e.getValue().size(), sum(e.getValue(), Project::totalInvestment),
					sum(e.getValue(), Project::plannedInvestment)))
			.toList();
	}

	/** Every matching project, found on first use (a page alone does not need them). */
	public List<Project> matches() {
		List<Project> current = this.matches;
		if (current == null) {
			current = this.find.get();
			this.matches = current;
		}
		return current;
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
