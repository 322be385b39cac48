package gov.shaoxing.investment.common;

import java.util.Locale;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The plain endpoints' answer (exports, imports, photos) when the store cannot be reached
 * or does not answer in time: 503 {@code STORE_UNAVAILABLE}, as GraphQL answers, instead
 * of a 500 with the driver's message. GraphQL's own store failures are resolved by
 * {@link GraphQlErrorResolver}.
 */
@RestControllerAdvice
class StoreFailureAdvice {

	private static final Logger log = LoggerFactory.getLogger(StoreFailureAdvice.class);

	private final ErrorRenderer errors;

	StoreFailureAdvice(ErrorRenderer errors) {
		this.errors = errors;
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, MongoException.class })
	ResponseEntity<Object> storeUnavailable(RuntimeException ex, Locale locale) {
		log.warn("Store failure on a plain endpoint: {}", ex.toString());
		return ResponseEntity.status(ErrorCode.STORE_UNAVAILABLE.httpStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.errors.plainBody(ErrorCode.STORE_UNAVAILABLE.message(), locale));
	}

}
