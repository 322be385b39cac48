package gov.shaoxing.investment.inspection;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.TokenIssuer;
import gov.shaoxing.investment.supervision.SupervisionContext;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Photo evidence as a supervisor sees it: JPEGs made here, with EXIF written by Commons
 * Imaging (on site on the day, 50 km away, none, corrupt, and the same bytes twice),
 * uploaded over HTTP and attached to one inspection of DEMO-IND-001 on 19 June 2012.
 */
@SupervisionContext
class PhotoEvidenceTests {

	static final LocalDate DAY = LocalDate.of(2012, 6, 19);

	@Autowired
	TokenIssuer tokenIssuer;

	@LocalServerPort
	int port;

	InspectorClient phone;

	@BeforeEach
	void connect() {
		this.phone = new InspectorClient(this.port, TestSecurity.adminToken(this.tokenIssuer));
	}

	static byte[] plainJpeg(Color color) throws IOException {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, 64, 48);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	/** A JPEG whose EXIF says when (Shaoxing time, no offset) and where it was taken. */
	static byte[] exifJpeg(Color color, String dateTimeOriginal, double latitude, double longitude) throws Exception {
		TiffOutputSet exif = new TiffOutputSet();
		exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, dateTimeOriginal);
		exif.setGpsInDegrees(longitude, latitude);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ExifRewriter().updateExifMetadataLossless(plainJpeg(color), out, exif);
		return out.toByteArray();
	}

	/** The EXIF block's TIFF byte-order mark overwritten: the metadata cannot be read. */
	static byte[] corruptExif(byte[] jpeg) {
		byte[] bytes = jpeg.clone();
		for (int i = 0; i < bytes.length - 8; i++) {
			if (bytes[i] == 'E' && bytes[i + 1] == 'x' && bytes[i + 2] == 'i' && bytes[i + 3] == 'f') {
				bytes[i + 6] = 'X';
				bytes[i + 7] = 'Y';
				return bytes;
			}
		}
		throw new IllegalStateException("no EXIF block");
	}

	@Test
	@SuppressWarnings("unchecked")
	void photosSayWhenAndWhereTheyWereTakenAndWhetherTheyWereUploadedBefore() throws Exception {
		double siteLat = InspectionFixtures.PROJECT_LATITUDE;
		double siteLon = InspectionFixtures.PROJECT_LONGITUDE;
		byte[] onSite = exifJpeg(Color.GREEN, "2012:06:19 10:30:00", siteLat + 0.0005, siteLon);
		// 0.4497° of latitude is 50.0 km on the service's sphere
		byte[] farAway = exifJpeg(Color.RED, "2012:06:18 23:30:00", siteLat + 0.4497, siteLon);
		byte[] noExif = plainJpeg(Color.BLUE);
		byte[] corrupt = corruptExif(exifJpeg(Color.GRAY, "2012:06:19 11:00:00", siteLat, siteLon));

		Map<String, Object> first = this.phone.uploadPhoto(onSite, "site.jpg", MediaType.IMAGE_JPEG);
		assertThat(first)
			.containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(onSite)))
			.containsEntry("metadata", "READ")
			// 10:30 in Shaoxing is 02:30 UTC
			.containsEntry("takenAt", "2012-06-19T02:30:00Z");
		assertThat(((Number) ((Map<String, Object>) first.get("position")).get("latitude")).doubleValue())
			.isCloseTo(siteLat + 0.0005, within(1e-6));
		Map<String, Object> far = this.phone.uploadPhoto(farAway, "far.jpg", MediaType.IMAGE_JPEG);
		Map<String, Object> none = this.phone.uploadPhoto(noExif, "plain.jpg", MediaType.IMAGE_JPEG);
		assertThat(none).containsEntry("metadata", "NONE").containsEntry("takenAt", null);
		Map<String, Object> broken = this.phone.uploadPhoto(corrupt, "broken.jpg", MediaType.IMAGE_JPEG);
		assertThat(broken).containsEntry("metadata", "UNREADABLE");
		Map<String, Object> again = this.phone.uploadPhoto(onSite, "site-again.jpg", MediaType.IMAGE_JPEG);
		assertThat(again.get("id")).isNotEqualTo(first.get("id"));
		assertThat(again.get("sha256")).isEqualTo(first.get("sha256"));

		List<String> ids = List.of((String) first.get("id"), (String) far.get("id"), (String) none.get("id"),
				(String) broken.get("id"), (String) again.get("id"));
		Map<String, Object> input = InspectionFixtures.with(InspectionFixtures.inspection(DAY), "photoIds", ids);
		List<Map<String, Object>> photos = (List<Map<String, Object>>) this.phone.graphQl
			.documentName("recordInspectionEvidence")
			.variable("input", input)
			.execute()
			.path("recordInspection.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordInspection.inspection.photos")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
		assertThat(photos).extracting((p) -> p.get("id")).containsExactlyElementsOf(ids);

		Map<String, Object> site = evidence(photos.get(0));
		assertThat(site).containsEntry("metadata", "READ")
			.containsEntry("takenOnInspectionDate", true)
			.containsEntry("duplicateOf", null)
			.containsEntry("warnings", List.of());
		assertThat(((Number) site.get("distanceKmFromSite")).doubleValue()).isCloseTo(0.056, within(0.002));

		Map<String, Object> fifty = evidence(photos.get(1));
		assertThat(((Number) fifty.get("distanceKmFromSite")).doubleValue()).isCloseTo(50.0, within(0.05));
		// 23:30 on the 18th in Shaoxing: the day before the inspection
		assertThat(fifty).containsEntry("takenOnInspectionDate", false);
		assertThat((List<String>) fifty.get("warnings")).anyMatch((w) -> w.startsWith("TAKEN_ELSEWHERE"))
			.anyMatch((w) -> w.startsWith("TAKEN_ON_ANOTHER_DAY"));

		Map<String, Object> plain = evidence(photos.get(2));
		assertThat(plain).containsEntry("metadata", "NONE")
			.containsEntry("distanceKmFromSite", null)
			.containsEntry("takenOnInspectionDate", null);
		assertThat((List<String>) plain.get("warnings")).singleElement().asString().startsWith("NO_METADATA");

		Map<String, Object> unreadable = evidence(photos.get(3));
		assertThat(unreadable).containsEntry("metadata", "UNREADABLE").containsEntry("distanceKmFromSite", null);
		assertThat((List<String>) unreadable.get("warnings")).singleElement()
			.asString()
			.startsWith("METADATA_UNREADABLE");

		Map<String, Object> duplicate = evidence(photos.get(4));
		assertThat(duplicate).containsEntry("duplicateOf", first.get("id"));
		assertThat((List<String>) duplicate.get("warnings")).singleElement().asString().startsWith("DUPLICATE");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> evidence(Map<String, Object> photo) {
		return (Map<String, Object>) photo.get("evidence");
	}

}
