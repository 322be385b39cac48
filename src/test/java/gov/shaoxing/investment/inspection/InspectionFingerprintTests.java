package gov.shaoxing.investment.inspection;

import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.inspection.RecordInspectionInput.PositionInput;
import gov.shaoxing.investment.inspection.RecordInspectionInput.ProblemInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retry is recognised only when every field is the same; a changed field is a different
 * inspection.
 */
class InspectionFingerprintTests {

	private static RecordInspectionInput input(String findings, String inspector, List<String> photos,
			List<ProblemInput> problems, String key) {
		return new RecordInspectionInput("UHJvamVjdDpERU1PLUlORC0wMDE", LocalDate.of(2012, 5, 1),
				new PositionInput(30.1, 120.5, 10.0), findings, InspectionRating.ON_TRACK, photos, problems, inspector,
				key);
	}

	@Test
	void theSameInputWithAnotherKeyHasTheSameFingerprint() {
		assertThat(InspectionService.canonical(input("a", "b", List.of("p"), null, "key-00001")))
			.isEqualTo(InspectionService.canonical(input("a", "b", List.of("p"), null, "key-00002")));
	}

	@Test
	void movingTextBetweenFieldsChangesTheFingerprint() {
		assertThat(InspectionService.canonical(input("a;1:b", null, List.of(), null, "k")))
			.isNotEqualTo(InspectionService.canonical(input("a", "b", List.of(), null, "k")));
		assertThat(InspectionService.canonical(input("a", null, List.of("x", "y"), null, "k")))
			.isNotEqualTo(InspectionService.canonical(input("a", null, List.of("x;1:y"), null, "k")));
		assertThat(InspectionService
			.canonical(input("a", null, List.of(), List.of(new ProblemInput("t", "JXW", null)), "k")))
			.isNotEqualTo(InspectionService.canonical(
					input("a", null, List.of(), List.of(new ProblemInput("t", "JXW", LocalDate.of(2012, 6, 1))), "k")));
	}

}
