package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The {@code SubmitProgressReportInput} input. */
public record SubmitProgressReportInput(String projectId, PeriodInput period, BigDecimal investmentCompleted,
		BigDecimal physicalProgressPercent, List<MilestoneUpdateInput> milestones, String note,
		List<ProblemInput> problems, String idempotencyKey) {

	public record PeriodInput(Integer year, Integer month, Integer half) {
	}

	public record MilestoneUpdateInput(String milestoneId, MilestoneStatus status, LocalDate dateMet) {
	}

	public record ProblemInput(String text, String departmentCode, LocalDate deadline) {
	}

	/**
	 * A canonical text of the input, so that two submissions compare equal when they mean
	 * the same.
	 */
	String canonical() {
		StringBuilder sb = new StringBuilder();
		sb.append(this.projectId).append('|');
		sb.append(this.period == null ? "" : this.period.year() + "-" + this.period.month() + "-" + this.period.half());
		sb.append('|').append(plain(this.investmentCompleted)).append('|').append(plain(this.physicalProgressPercent));
		sb.append('|').append(this.note == null ? "" : this.note.strip());
		if (this.milestones != null) {
			for (MilestoneUpdateInput m : this.milestones) {
				sb.append("|m:").append(m.milestoneId()).append(',').append(m.status()).append(',').append(m.dateMet());
			}
		}
		if (this.problems != null) {
			for (ProblemInput p : this.problems) {
				sb.append("|p:")
					.append(p.text() == null ? "" : p.text().strip())
					.append(',')
					.append(p.departmentCode())
					.append(',')
					.append(p.deadline());
			}
		}
		return sb.toString();
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
