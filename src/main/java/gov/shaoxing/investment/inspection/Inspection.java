package gov.shaoxing.investment.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One inspection of a project. Its id is time-ordered (feeds page on it) and fixed by the
 * idempotency claim, so a retried request writes the same document. District, position
 * distance and photo metadata are copied in when it is recorded, so filters and
 * {@code Inspection.photos} cost no extra query.
 */
@Document("inspections")
@CompoundIndex(name = "project_feed", def = "{'projectCode': 1, '_id': -1}")
@CompoundIndex(name = "district_feed", def = "{'districtCode': 1, '_id': -1}")
@CompoundIndex(name = "inspector_feed", def = "{'inspector': 1, '_id': -1}")
@CompoundIndex(name = "rating_feed", def = "{'rating': 1, '_id': -1}")
public record Inspection(@Id String id, String projectCode, String districtCode, @Indexed LocalDate date,
		Position position, Double distanceKm, String findings, InspectionRating rating, List<Photo> photos,
		List<Problem> problems, String inspector, Instant recordedAt) {

	public Inspection {
		photos = photos == null ? List.of() : List.copyOf(photos);
		problems = problems == null ? List.of() : List.copyOf(problems);
	}

	/**
	 * Where the inspector's phone was: WGS-84 degrees and the reported accuracy radius in
	 * metres.
	 */
	public record Position(double latitude, double longitude, Double accuracyMeters) {
	}

	/** A problem found on site and the notice it raised. */
	public record Problem(String text, String departmentCode, LocalDate deadline, String noticeId) {
	}

}
