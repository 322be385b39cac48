package gov.shaoxing.investment.common;

/**
 * An expected failure of a mutation, returned in its payload as a {@code UserError}:
 * which input field, a stable code and a message resolved in the caller's language when
 * the payload is rendered ({@link UserErrorController}).
 *
 * @param field the input field at fault, as a path, or {@code null}
 * @param message the code, and the bundle key and arguments of the message
 */
public record PayloadError(String field, ErrorMessage message) {

	/** The code's own message ({@code error.<CODE>}) with these arguments. */
	public PayloadError(String field, ErrorCode code, Object... args) {
		this(field, ErrorMessage.of(code, args));
	}

	/** One of several messages of a code ({@code error.<CODE>.<detail>}, a literal). */
	public static PayloadError detailed(String field, ErrorCode code, String detail, Object... args) {
		return new PayloadError(field, ErrorMessage.detailed(code, detail, args));
	}

	/** The stable code, as clients see it. */
	public String code() {
		return this.message.code().name();
	}

}
