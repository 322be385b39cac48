package gov.shaoxing.investment.common;

import java.util.List;

/**
 * Thrown by a service when a mutation fails in an expected way; the controller turns it
 * into payload errors.
 */
public class ExpectedFailure extends RuntimeException {

	private final List<PayloadError> errors;

	public ExpectedFailure(List<PayloadError> errors) {
		super(errors.isEmpty() ? "failed" : errors.get(0).message(), null, false, false);
		this.errors = List.copyOf(errors);
	}

	public ExpectedFailure(String field, String code, String message) {
		this(List.of(new PayloadError(field, code, message)));
	}

	public List<PayloadError> errors() {
		return this.errors;
	}

}
