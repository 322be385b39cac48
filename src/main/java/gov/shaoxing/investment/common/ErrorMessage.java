package gov.shaoxing.investment.common;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * What an error says, as a message-bundle key and its arguments, turned into text only
 * where the error is rendered, in the caller's language ({@link Messages}). The key is
 * {@code error.<CODE>}, or {@code error.<CODE>.<detail>} (falling back to the former)
 * when one code has several explanations.
 *
 * <p>
 * Arguments are kept as text ({@link BigDecimal} in plain notation), so the bundles'
 * {@code {0}} never adds digit grouping or drops decimals.
 *
 * @param code the stable code
 * @param detail the key's suffix, or {@code null} for the code's own message
 * @param args the message's arguments, as text
 */
public record ErrorMessage(ErrorCode code, String detail, List<String> args) implements MessageSourceResolvable {

	/** Prefix of every error message key. */
	public static final String KEY_PREFIX = "error.";

	public ErrorMessage {
		args = List.copyOf(args);
	}

	/** The code's own message ({@code error.<CODE>}). */
	public static ErrorMessage of(ErrorCode code, Object... args) {
		return new ErrorMessage(code, null, text(args));
	}

	/**
	 * One of several messages of a code ({@code error.<CODE>.<detail>}); the detail is a
	 * literal so that {@code MessagesTests} can find it in the sources.
	 */
	public static ErrorMessage detailed(ErrorCode code, String detail, Object... args) {
		return new ErrorMessage(code, detail, text(args));
	}

	@Override
	public String[] getCodes() {
		String base = KEY_PREFIX + this.code.name();
		return (this.detail == null) ? new String[] { base } : new String[] { base + "." + this.detail, base };
	}

	@Override
	public Object[] getArguments() {
		return this.args.toArray();
	}

	/** Never shown while the bundles are complete, which {@code MessagesTests} checks. */
	@Override
	public String getDefaultMessage() {
		return this.code.name();
	}

	private static List<String> text(Object[] args) {
		return Arrays.stream(args)
			.map((arg) -> (arg instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(arg))
			.toList();
	}

}
