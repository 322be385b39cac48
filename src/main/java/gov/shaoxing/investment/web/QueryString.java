package gov.shaoxing.investment.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;

/**
 * Reads a raw query string strictly: {@code name=value} pairs of valid percent-encoded
 * UTF-8, each name at most once. The servlet container drops a pair it cannot decode
 * without a word, which would run another request than the one sent; here it is refused.
 */
final class QueryString {

	private QueryString() {
	}

	/**
	 * The parameters; {@link Malformed} with the reason when the string is malformed.
	 */
	static Map<String, String> parse(String raw) {
		Map<String, String> parameters = new HashMap<>();
		if (raw == null || raw.isEmpty()) {
			return parameters;
		}
		for (String pair : raw.split("&", -1)) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			if (name.isEmpty()) {
				throw new Malformed(ErrorMessage.detailed(ErrorCode.INVALID_QUERY_STRING, "noName"));
			}
			if (parameters.put(name, value) != null) {
				throw new Malformed(ErrorMessage.detailed(ErrorCode.INVALID_QUERY_STRING, "repeated", shorten(name)));
			}
		}
		return parameters;
	}

	private static String decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '+') {
				bytes.write(' ');
			}
			else if (c == '%') {
				if (i + 2 >= text.length()) {
					throw malformed();
				}
				int high = Character.digit(text.charAt(i + 1), 16);
				int low = Character.digit(text.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw malformed();
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c > 0x7f) {
				int codePoint = text.codePointAt(i);
				byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
				i += Character.charCount(codePoint) - 1;
			}
			else {
				bytes.write(c);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new Malformed(ErrorMessage.detailed(ErrorCode.INVALID_QUERY_STRING, "utf8"));
		}
	}

	private static Malformed malformed() {
		return new Malformed(ErrorCode.INVALID_QUERY_STRING.message());
	}

	/** A query string that cannot be read, and why. */
	static final class Malformed extends IllegalArgumentException {

		private final transient ErrorMessage reason;

		Malformed(ErrorMessage reason) {
			super(reason.code().name(), null);
			this.reason = reason;
		}

		ErrorMessage reason() {
			return this.reason;
		}

	}

	private static String shorten(String name) {
		return (name.length() > 40) ? name.substring(0, 40) + "…" : name;
	}

}
