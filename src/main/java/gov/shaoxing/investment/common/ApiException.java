package gov.shaoxing.investment.common;

import java.util.Map;

/**
 * A client-facing failure with a stable code; its message is written for the client and
 * is safe to send.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final String field;

	private final Map<String, Object> extensions;

	public ApiException(ErrorCode code, String field, String message) {
		this(code, field, message, Map.of());
	}

	/** With more entries for the error's {@code extensions}, such as a retry delay. */
	public ApiException(ErrorCode code, String field, String message, Map<String, Object> extensions) {
		super(message, null, false, false);
		this.code = code;
		this.field = field;
		this.extensions = Map.copyOf(extensions);
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

	public Map<String, Object> extensions() {
		return this.extensions;
	}

}
