package gov.shaoxing.investment.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/**
 * The EXIF capture time and GPS position of a photo, read with metadata-extractor. A
 * capture time without its own offset is taken in the service's time zone (Shaoxing).
 * Nothing here rejects a photo: missing or corrupt metadata is only reported.
 */
record PhotoMetadata(Status status, Instant takenAt, Photo.PhotoPosition position) {

	/** What could be read. */
	public enum Status {

		/** EXIF was read (it may still lack a time or a position). */
		READ,
		/** The file has no EXIF metadata. */
		NONE,
		/** The file has EXIF metadata that could not be read. */
		UNREADABLE

	}

	static PhotoMetadata read(byte[] bytes, ZoneId zone) {
		Metadata metadata;
		try {
			metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
		}
		catch (ImageProcessingException | IOException | RuntimeException ex) {
			return new PhotoMetadata(Status.UNREADABLE, null, null);
		}
		boolean exif = false;
		boolean broken = false;
		for (Directory d : metadata.getDirectories()) {
			if (d instanceof ExifDirectoryBase || d instanceof GpsDirectory) {
				exif = true;
				broken |= d.hasErrors();
			}
			else if (d.getName() != null && d.getName().startsWith("Exif")) {
				exif = true;
				broken |= d.hasErrors();
			}
		}
		if (!exif) {
			// a damaged EXIF segment leaves an error on the file's own directory and no
			// EXIF one
			boolean damaged = false;
			for (Directory d : metadata.getDirectories()) {
				for (String error : d.getErrors()) {
					damaged |= error.toLowerCase(Locale.ROOT).contains("exif")
							|| error.toLowerCase(Locale.ROOT).contains("tiff");
				}
			}
			return new PhotoMetadata(damaged ? Status.UNREADABLE : Status.NONE, null, null);
		}
		TimeZone tz = TimeZone.getTimeZone(zone);
		Date taken = null;
		ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
		if (sub != null) {
			taken = sub.getDateOriginal(tz);
		}
		if (taken == null) {
			ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			if (ifd0 != null) {
				taken = ifd0.getDate(ExifDirectoryBase.TAG_DATETIME, tz);
			}
		}
		Photo.PhotoPosition position = null;
		GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
		if (gps != null) {
			GeoLocation location = gps.getGeoLocation();
			if (location != null && !location.isZero() && Math.abs(location.getLatitude()) <= 90
					&& Math.abs(location.getLongitude()) <= 180) {
				position = new Photo.PhotoPosition(location.getLatitude(), location.getLongitude());
			}
		}
		if (broken && taken == null && position == null) {
			return new PhotoMetadata(Status.UNREADABLE, null, null);
		}
		return new PhotoMetadata(Status.READ, taken == null ? null : taken.toInstant(), position);
	}

}
