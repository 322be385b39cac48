package gov.shaoxing.investment.inspection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.project.Project;

/**
 * What a photo proves about an inspection: how far from the site it was taken, whether on
 * the inspection's day, and whether the same bytes were uploaded before. Judged when the
 * inspection is recorded, from the photo's metadata, the project's location and the
 * inspection's date.
 */
record PhotoEvidence(PhotoMetadata.Status metadata, Double distanceKmFromSite, Boolean takenOnInspectionDate,
		String duplicateOf, List<String> warnings) {

	/** A photo taken further than this from the site is flagged. */
	static final double SITE_RADIUS_KM = 1.0;

	static PhotoEvidence judge(Photo photo, Project project, LocalDate inspectionDate, ZoneId zone,
			String duplicateOf) {
		PhotoMetadata.Status status = photo.metadata() == null ? PhotoMetadata.Status.NONE : photo.metadata();
		List<String> warnings = new ArrayList<>();
		if (status == PhotoMetadata.Status.NONE) {
			warnings.add("NO_METADATA: the photo has no EXIF capture time or position");
		}
		else if (status == PhotoMetadata.Status.UNREADABLE) {
			warnings.add("METADATA_UNREADABLE: the photo's EXIF metadata could not be read");
		}
		Double distance = null;
		if (photo.position() != null && project.location() != null) {
			distance = Math.round(InspectionService.distanceKm(photo.position().latitude(),
					photo.position().longitude(), project.location().latitude(), project.location().longitude()) * 1000)
					/ 1000.0;
			if (distance > SITE_RADIUS_KM) {
				warnings.add("TAKEN_ELSEWHERE: taken " + distance + " km from the site");
			}
		}
		else if (status == PhotoMetadata.Status.READ) {
			warnings.add("NO_POSITION: the photo has no GPS position");
		}
		Boolean sameDay = null;
		if (photo.takenAt() != null) {
			LocalDate taken = photo.takenAt().atZone(zone).toLocalDate();
			sameDay = taken.equals(inspectionDate);
			if (!sameDay) {
				warnings.add("TAKEN_ON_ANOTHER_DAY: taken on " + taken + ", the inspection is dated " + inspectionDate);
			}
		}
		else if (status == PhotoMetadata.Status.READ) {
			warnings.add("NO_CAPTURE_TIME: the photo has no EXIF capture time");
		}
		if (duplicateOf != null) {
			warnings.add("DUPLICATE: the same bytes were uploaded before as photo " + duplicateOf);
		}
		return new PhotoEvidence(status, distance, sameDay, duplicateOf, warnings);
	}

}
