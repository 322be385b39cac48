package gov.shaoxing.investment.inspection;

import java.time.LocalDate;
import java.util.List;

/** The {@code RecordInspectionInput} input. */
public record RecordInspectionInput(String projectId, LocalDate date, PositionInput position, String findings,
		InspectionRating rating, List<String> photoIds, List<ProblemInput> problems, String inspector,
		String idempotencyKey) {

	public RecordInspectionInput {
		photoIds = photoIds == null ? List.of() : photoIds;
		problems = problems == null ? List.of() : problems;
	}

	/** The same input, recorded under the signed-in inspector's name. */
	public RecordInspectionInput withInspector(String name) {
		return new RecordInspectionInput(this.projectId, this.date, this.position, this.findings, this.rating,
				this.photoIds, this.problems, name, this.idempotencyKey);
	}

	/** The {@code InspectionPositionInput} input. */
	public record PositionInput(Double latitude, Double longitude, Double accuracyMeters) {
	}

	/** The {@code InspectionProblemInput} input. */
	public record ProblemInput(String text, String departmentCode, LocalDate deadline) {
	}

}
