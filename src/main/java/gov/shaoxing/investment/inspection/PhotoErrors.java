package gov.shaoxing.investment.inspection;

import java.util.Locale;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.ErrorRenderer;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The JSON bodies {@code {code, message}} of refused photo requests, in the caller's
 * language.
 */
@Component
class PhotoErrors {

	private final ErrorRenderer errors;

	private final PhotoProperties properties;

	PhotoErrors(ErrorRenderer errors, PhotoProperties properties) {
		this.errors = errors;
		this.properties = properties;
	}

	ResponseEntity<Object> missing(Locale locale) {
		return response(HttpStatus.BAD_REQUEST, ErrorCode.PHOTO_MISSING.message(), locale);
	}

	ResponseEntity<Object> tooLarge(Locale locale) {
		return response(HttpStatus.CONTENT_TOO_LARGE,
				ErrorCode.PHOTO_TOO_LARGE.message(describe(this.properties.maxSize())), locale);
	}

	ResponseEntity<Object> unsupportedType(Locale locale) {
		return response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_PHOTO_TYPE.message(), locale);
	}

	ResponseEntity<Object> notFound(Locale locale) {
		return response(HttpStatus.NOT_FOUND, ErrorCode.PHOTO_NOT_FOUND.message(), locale);
	}

	ResponseEntity<Object> malformed(Locale locale) {
		return response(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_UPLOAD.message(), locale);
	}

	private ResponseEntity<Object> response(HttpStatus status, ErrorMessage message, Locale locale) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.errors.plainBody(message, locale));
	}

	private static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}

}
