package gov.shaoxing.investment.inspection;

import java.time.Instant;

/**
 * An uploaded photo: its id, the type detected from its bytes, its size, the SHA-256 of
 * its bytes and what its EXIF metadata says (capture time, GPS position). In an
 * inspection it also carries the evidence judged when the inspection was recorded. Public
 * although only this package names it: read back as part of an Inspection, Spring Data
 * finds no constructor to use in a package-private Photo.
 */
public record Photo(String id, String contentType, long size, String sha256, Instant takenAt, PhotoPosition position,
		PhotoMetadata.Status metadata, PhotoEvidence evidence) {

	public Photo(String id, String contentType, long size) {
		this(id, contentType, size, null, null, null, null, null);
	}

	/** Where the photo is served, relative to the service's base URL. */
	public String url() {
		return "/photos/" + this.id;
	}

	Photo withEvidence(PhotoEvidence evidence) {
		return new Photo(this.id, this.contentType, this.size, this.sha256, this.takenAt, this.position, this.metadata,
				evidence);
	}

	/** A WGS-84 position from the photo's EXIF GPS tags. */
	public record PhotoPosition(double latitude, double longitude) {
	}

}
