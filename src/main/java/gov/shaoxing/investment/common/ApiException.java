package gov.shaoxing.investment.common;

/**
 * A client-facing failure with a stable code; its message is written for the client and
 * is safe to send.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final String field;

	public ApiException(ErrorCode code, String field, String message) {
		super(message, null, false, false);
		this.code = code;
		this.field = field;
	}

	public static ApiException badArgument(ErrorCode code, String field, String message) {
		return new ApiException(code, field, message);
	}

	public ErrorCode code() {
		return this.code;
	}

	public String field() {
		return this.field;
	}

}
