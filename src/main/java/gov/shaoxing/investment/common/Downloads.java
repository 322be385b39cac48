package gov.shaoxing.investment.common;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A file to download: its Chinese name per RFC 5987 with an ASCII fallback, never cached.
 */
public final class Downloads {

	/** The media type of an Excel workbook. */
	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Downloads() {
	}

	public static ResponseEntity<StreamingResponseBody> attachment(String filename, String asciiName, MediaType type,
			StreamingResponseBody body) {
		String disposition = ContentDisposition.attachment()
			.filename(filename, StandardCharsets.UTF_8)
			.build()
			.toString();
		// older clients read the plain filename; RFC 6266 clients prefer filename*
		disposition = "attachment; filename=\"" + asciiName + "\"; "
				+ disposition.substring(disposition.indexOf("filename*="));
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

}
