package gov.shaoxing.investment.inspection;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Refusals raised while the servlet container parses a multipart request, before any
 * controller runs (so they can only be handled by advice, not by {@link PhotoController}
 * itself). {@code POST /photos} is the service's only multipart endpoint: an upload over
 * {@code spring.servlet.multipart.max-file-size} gets the same 413 JSON as one over
 * {@code investment.photos.max-size}.
 */
@RestControllerAdvice
class PhotoUploadErrors {

	private final PhotoErrors errors;

	PhotoUploadErrors(PhotoErrors errors) {
		this.errors = errors;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException ex, Locale locale) {
		return this.errors.tooLarge(locale);
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> malformed(MultipartException ex, Locale locale) {
		return this.errors.malformed(locale);
	}

}
