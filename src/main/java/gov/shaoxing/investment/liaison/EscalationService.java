package gov.shaoxing.investment.liaison;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import gov.shaoxing.investment.notice.NoticeDraft;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.notice.NoticeSource;
import gov.shaoxing.investment.official.Official;
import gov.shaoxing.investment.official.OfficialService;
import gov.shaoxing.investment.progress.ProgressReadModel;
import gov.shaoxing.investment.progress.ReportPeriod;
import gov.shaoxing.investment.progress.ProgressCalendar;
import gov.shaoxing.investment.progress.ProgressProperties;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.rules.RulesService;
import gov.shaoxing.investment.rules.SupervisionRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Escalates a project that stays red to its city leader (约谈): once a run of red
 * half-months reaches the rule's {@code escalation.redPeriods}, one notice is raised for
 * that run under an id made from the project and the run's first half-month, so however
 * often (and on however many instances) the check runs, each run escalates exactly once.
 * Checked when this instance changes a project's progress or light, and for every project
 * with the light sweep (which also catches other instances' writes, days passing and
 * start-up).
 */
@Service
public class EscalationService {

	private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

	private final ProjectService projects;

	private final ProgressReadModel progress;

	private final OfficialService officials;

	private final NoticeService notices;

	private final RulesService rules;

	private final ProgressCalendar calendar;

	private final ProgressProperties supervision;

	/** Escalations this instance knows exist, so a check costs no query once raised. */
	private final Set<String> raised = ConcurrentHashMap.newKeySet();

	EscalationService(ProjectService projects, ProgressReadModel progress, OfficialService officials,
			NoticeService notices, RulesService rules, ProgressCalendar calendar, ProgressProperties supervision) {
		this.projects = projects;
		this.progress = progress;
		this.officials = officials;
		this.notices = notices;
		this.rules = rules;
		this.calendar = calendar;
		this.supervision = supervision;
	}

	/** The deterministic id of a run's escalation. */
	static String idOf(String projectCode, String firstPeriodKey) {
		return "ESC-" + projectCode + "-" + firstPeriodKey;
	}

	/** Checks every project; returns how many escalations were raised. */
	@Scheduled(fixedDelayString = "${investment.supervision.light-sweep-interval:PT1H}",
			initialDelayString = "${investment.supervision.light-sweep-initial-delay:PT1M}")
	public int sweep() {
		int count = 0;
		try {
			for (Project p : this.projects.all()) {
				count += check(p);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Escalation sweep failed: {}", ex.toString());
		}
		return count;
	}

	/**
	 * Raises the project's due escalations; returns how many were new to this instance.
	 */
	public int check(Project project) {
		if (project.liaison() == null || project.liaison().cityLeaderId() == null) {
			return 0;
		}
		LocalDate asOf = this.calendar.asOf(project.year());
		RedRuns runs = RedRuns.of(project, this.progress.get(project.code()), asOf, this.rules);
		int count = 0;
		for (RedRuns.Run run : runs.runs()) {
			String id = idOf(project.code(), run.first().key());
			if (this.raised.contains(id)) {
				continue;
			}
			// the rule in force when the run reached its length decides
			SupervisionRules rule = this.rules.at(run.last().end());
			int needed = rule.escalation().redPeriods();
			if (run.length() < needed) {
				continue;
			}
			Official leader = this.officials.byId(project.liaison().cityLeaderId());
			int reachedAt = run.first().index() + needed - 1;
			String reached = new ReportPeriod(project.year(), (reachedAt + 1) / 2, reachedAt % 2 == 1 ? 1 : 2).key();
			String text = "约谈 escalation: " + project.name() + " has been red for " + needed
					+ " consecutive half-months (" + run.first().key() + " to " + reached + ", rule version "
					+ rule.version() + "); "
					+ (leader == null ? "its city leader" : leader.name() + " " + leader.title())
					+ " to meet the owner and the lead department.";
			this.notices.raise(new NoticeDraft(id, project.code(), project.districtCode(),
					leader == null ? null : leader.departmentCode(), NoticeSource.ESCALATION,
					project.code() + "@" + run.first().key(), text,
					this.calendar.today().plusDays(this.supervision.noticeDays()), "system",
					project.liaison().cityLeaderId()));
			this.raised.add(id);
			count++;
		}
		return count;
	}

}
