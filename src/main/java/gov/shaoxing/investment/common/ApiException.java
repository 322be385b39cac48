package gov.shaoxing.investment.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client-facing failure with a stable code; its message is a bundle key and arguments
 * ({@link ErrorMessage}), put into words in the caller's language where the error is
 * rendered, so it is always safe to send.
 */
public class ApiException extends RuntimeException {

	private final ErrorMessage message;

	private final String field;

	private final Map<String, Object> extensions = new LinkedHashMap<>();

	/** The code's own message ({@code error.<CODE>}) with these arguments. */
	public ApiException(ErrorCode code, String field, Object... args) {
		this(ErrorMessage.of(code, args), field);
	}

	public ApiException(ErrorMessage message, String field) {
		super(message.code().name(), null, false, false);
		this.message = message;
		this.field = field;
	}

	/**
	 * One of several messages of a code ({@code error.<CODE>.<detail>}, a literal).
	 */
	public static ApiException detailed(ErrorCode code, String detail, String field, Object... args) {
		return new ApiException(ErrorMessage.detailed(code, detail, args), field);
	}

	/**
	 * Adds an entry to the error's {@code extensions}, for example {@code didYouMean}.
	 */
	public ApiException with(String key, Object value) {
		this.extensions.put(key, value);
		return this;
	}

	public ErrorCode code() {
		return this.message.code();
	}

	public ErrorMessage message() {
		return this.message;
	}

	public String field() {
		return this.field;
	}

	public Map<String, Object> extensions() {
		return Map.copyOf(this.extensions);
	}

}
