package gov.shaoxing.investment.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Opaque Relay global IDs: base64url of {@code Type:key}. Clients must not parse them;
 * the service can, to route {@code node(id)}.
 */
public record GlobalId(String type, String key) {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,80}");

	public static String encode(String type, String key) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes an ID, failing with {@code INVALID_ID} when it is not one of ours. */
	public static GlobalId decode(String id) {
		if (id == null || id.isEmpty() || id.length() > 200) {
			throw invalid();
		}
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		int colon = raw.indexOf(':');
		if (colon <= 0 || !KEY.matcher(raw.substring(colon + 1)).matches()) {
			throw invalid();
		}
		return new GlobalId(raw.substring(0, colon), raw.substring(colon + 1));
	}

	/** Decodes an ID that must name the given type. */
	public static String keyOf(String id, String type) {
		GlobalId decoded = decode(id);
		if (!decoded.type().equals(type)) {
			throw ApiException.detailed(ErrorCode.INVALID_ID, "type", "id", type);
		}
		return decoded.key();
	}

	private static ApiException invalid() {
		return new ApiException(ErrorCode.INVALID_ID, "id");
	}

}
