package gov.shaoxing.investment.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * GraphQL-shaped JSON bodies for requests refused by a servlet filter before any GraphQL
 * runs (a bad token, a rate limit), written with Jackson so any message text is escaped.
 */
public final class ErrorResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ErrorResponses() {
	}

	/**
	 * Writes {@code {"errors":[{"message","extensions":{"code","classification",…}}],
	 * "code"}}; {@code extra} adds entries to the extensions.
	 */
	public static void write(HttpServletResponse response, int status, String code, String classification,
			String message, Map<String, Object> extra) throws IOException {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code);
		extensions.put("classification", classification);
		extensions.putAll(extra);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", List.of(Map.of("message", message, "extensions", extensions)));
		body.put("code", code);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(JSON.writeValueAsString(body));
	}

}
