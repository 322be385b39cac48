package gov.shaoxing.investment.inspection;

import java.util.Arrays;
import java.util.Map;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.ServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /photos} and {@code GET /photos/{id}} as a phone sees them: what is
 * accepted, what is refused and with which status and JSON code, and that photos come
 * back unchanged and cacheable.
 */
@ServiceTest
class PhotoUploadTests {

	@Autowired
	TokenIssuer tokenIssuer;

	private static final int FIVE_MB = 5 * 1024 * 1024;

	@LocalServerPort
	int port;

	InspectorClient phone;

	@BeforeEach
	void connect() {
		this.phone = new InspectorClient(this.port, TestSecurity.adminToken(this.tokenIssuer));
	}

	@Test
	void aPhotoIsServedBackByteForByteWithItsDetectedTypeAndForeverCachingHeaders() {
		byte[] png = InspectionFixtures.png(20_000);
		Map<String, Object> photo = this.phone.uploadPhoto(png, "scan.bin", MediaType.APPLICATION_OCTET_STREAM);
		assertThat(photo).containsEntry("contentType", "image/png")
			.containsEntry("size", 20_000)
			.containsEntry("url", "/photos/" + photo.get("id"));

		var served = this.phone.http.get()
			.uri((String) photo.get("url"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectHeader()
			.contentLength(20_000)
			.expectHeader()
			.valueMatches(HttpHeaders.CACHE_CONTROL, ".*max-age=31536000.*immutable.*")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(byte[].class)
			.returnResult();
		assertThat(served.getResponseBody()).isEqualTo(png);

		String etag = served.getResponseHeaders().getETag();
		assertThat(etag).isNotBlank();
		this.phone.http.get()
			.uri((String) photo.get("url"))
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified();
		this.phone.http.get()
			.uri((String) photo.get("url"))
			.header(HttpHeaders.RANGE, "bytes=0-7")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PARTIAL_CONTENT)
			.expectBody(byte[].class)
			.isEqualTo(Arrays.copyOf(png, 8));
	}

	@Test
	void jpegAndWebpPhotosAreAcceptedWhateverTheClientCallsThem() {
		assertThat(this.phone.uploadPhoto(InspectionFixtures.jpeg(1000), "a", MediaType.TEXT_PLAIN))
			.containsEntry("contentType", "image/jpeg");
		assertThat(this.phone.uploadPhoto(InspectionFixtures.webp(1000), "b.png", MediaType.IMAGE_PNG))
			.containsEntry("contentType", "image/webp");
	}

	@Test
	void aPhotoOfExactlyTheMaximumSizeIsAccepted() {
		assertThat(this.phone.uploadPhoto(InspectionFixtures.jpeg(FIVE_MB), "big.jpg", MediaType.IMAGE_JPEG))
			.containsEntry("size", FIVE_MB);
	}

	@Test
	void anOversizedPhotoIsRefusedWith413AndAClearCode() {
		this.phone.postPhoto(InspectionFixtures.jpeg(FIVE_MB + 1), "huge.jpg", MediaType.IMAGE_JPEG)
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PHOTO_TOO_LARGE")
			.jsonPath("$.message")
			.isEqualTo("照片最大为 5 MB。");
		this.phone.postPhoto(InspectionFixtures.jpeg(FIVE_MB + 1), "huge.jpg", MediaType.IMAGE_JPEG, "en")
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PHOTO_TOO_LARGE")
			.jsonPath("$.message")
			.isEqualTo("A photo may be at most 5 MB.")
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@Test
	void aTextFileRenamedJpgIsRefusedWith415() {
		this.phone.postPhoto(InspectionFixtures.text(), "photo.jpg", MediaType.IMAGE_JPEG)
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNSUPPORTED_PHOTO_TYPE")
			.jsonPath("$.message")
			.isNotEmpty();
	}

	@Test
	void anUploadWithoutAFileIsRefusedWith400() {
		MultipartBodyBuilder wrongField = new MultipartBodyBuilder();
		wrongField.part("photo", "not here");
		this.phone.http.post()
			.uri("/photos")
			.body(BodyInserters.fromMultipartData(wrongField.build()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PHOTO_MISSING");
		this.phone.postPhoto(new byte[0], "empty.jpg", MediaType.IMAGE_JPEG)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PHOTO_MISSING");
		this.phone.http.post()
			.uri("/photos")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PHOTO_MISSING");
	}

	@Test
	void unknownAndMalformedPhotoIdsGet404Json() {
		for (String id : new String[] { "0123456789abcdef01234567", "not-a-photo" }) {
			this.phone.http.get()
				.uri("/photos/" + id)
				.accept(MediaType.IMAGE_JPEG)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("PHOTO_NOT_FOUND");
		}
		// an encoded slash never reaches the controller: the firewall refuses it with a
		// clear 400
		this.phone.http.get()
			.uri("/photos/..%2Fetc")
			.accept(MediaType.IMAGE_JPEG)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("REQUEST_REJECTED");
	}

	@Test
	void aPhotoIsForSignedInStaffAndKeptOutOfSharedCaches() {
		Map<String, Object> photo = this.phone.uploadPhoto(InspectionFixtures.png(2_000), "site.png",
				MediaType.IMAGE_PNG);
		GraphQlTesters.client(this.port)
			.build()
			.get()
			.uri((String) photo.get("url"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNAUTHENTICATED");
		this.phone.http.get()
			.uri((String) photo.get("url"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL,
					(value) -> assertThat(value).contains("private").doesNotContain("public"));
	}

}
