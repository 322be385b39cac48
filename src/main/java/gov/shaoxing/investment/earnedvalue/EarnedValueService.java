package gov.shaoxing.investment.earnedvalue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import gov.shaoxing.investment.progress.ProgressReadModel;
import gov.shaoxing.investment.progress.ProjectProgress;
import gov.shaoxing.investment.progress.ProgressCalendar;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.rules.RulesService;
import gov.shaoxing.investment.rules.SupervisionRules;

import org.springframework.stereotype.Service;

/**
 * Earned value of projects and of groups of them, from the projects and the progress read
 * model: no store query with the read model on, one for the roll-ups with it off.
 */
@Service
class EarnedValueService {

	private final ProjectService projects;

	private final ProgressReadModel progress;

	private final RulesService rules;

	private final ProgressCalendar calendar;

	EarnedValueService(ProjectService projects, ProgressReadModel progress, RulesService rules,
			ProgressCalendar calendar) {
		this.projects = projects;
		this.progress = progress;
		this.rules = rules;
		this.calendar = calendar;
	}

	/** The day to measure a plan year on: the one given, else the supervision day. */
	public LocalDate dayFor(int year, LocalDate asOf) {
		return asOf != null ? asOf : this.calendar.asOf(year);
	}

	/** Each project's figures on its own plan year's day (or {@code asOf}). */
	public Map<String, EarnedValue> ofProjects(Collection<Project> list, LocalDate asOf) {
		Map<String, ProjectProgress> found = this.progress.get(list.stream().map(Project::code).toList());
		Map<String, EarnedValue> result = new HashMap<>();
		for (Project p : list) {
			LocalDate day = dayFor(p.year(), asOf);
			result.put(p.code(), EarnedValueCalculator.of(p, found.get(p.code()), day, this.rules.at(day)));
		}
		return result;
	}

	/** The roll-up over the plan year's projects that match. */
	public EarnedValue rollUp(int year, LocalDate asOf, Predicate<Project> scope) {
		return rollUps(year, asOf, Map.of("", scope)).get("");
	}

	/**
	 * Several roll-ups of one plan year at once, keyed as given: one pass over the
	 * projects.
	 */
	public <K> Map<K, EarnedValue> rollUps(int year, LocalDate asOf, Map<K, Predicate<Project>> scopes) {
		LocalDate day = dayFor(year, asOf);
		SupervisionRules version = this.rules.at(day);
		List<Project> inYear = this.projects.all().stream().filter((p) -> p.year() == year).toList();
		Map<String, ProjectProgress> found = this.progress.get(inYear.stream().map(Project::code).toList());
		Map<K, List<EarnedValue>> parts = new HashMap<>();
		scopes.keySet().forEach((k) -> parts.put(k, new ArrayList<>()));
		for (Project p : inYear) {
			EarnedValue single = null;
			for (Map.Entry<K, Predicate<Project>> scope : scopes.entrySet()) {
				if (scope.getValue().test(p)) {
					if (single == null) {
						single = EarnedValueCalculator.of(p, found.get(p.code()), day, version);
					}
					parts.get(scope.getKey()).add(single);
				}
			}
		}
		Map<K, EarnedValue> result = new HashMap<>();
		parts.forEach((k, list) -> result.put(k, EarnedValueCalculator.sum(list, day, version)));
		return result;
	}

}
