package gov.shaoxing.investment.common;

import java.util.List;

/**
 * Thrown by a service when a mutation fails in an expected way; the controller turns it
 * into payload errors.
 */
public class ExpectedFailure extends RuntimeException {

	private final List<PayloadError> errors;

	public ExpectedFailure(List<PayloadError> errors) {
		super(errors.isEmpty() ? "failed" : errors.get(0).code(), null, false, false);
		this.errors = List.copyOf(errors);
	}

	public ExpectedFailure(PayloadError error) {
		this(List.of(error));
	}

	/** One error with the code's own message. */
	public ExpectedFailure(String field, ErrorCode code, Object... args) {
		this(new PayloadError(field, code, args));
	}

	public List<PayloadError> errors() {
		return this.errors;
	}

}
