package gov.shaoxing.investment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded, seeded and so repeatable fuzz of the endpoint over its own introspected
 * schema: {@value #REQUESTS} requests calling every root field with wrong types, extreme
 * numbers and dates, long and odd strings, as literals and as variables, signed in and
 * not, plus malformed bodies, content types and query strings. No answer may be a 5xx,
 * name a Java type, carry a stack trace, or be an INTERNAL error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.limits.rate.enabled=false" })
class SchemaFuzzTests {

	static final int REQUESTS = 3_200;

	static final long SEED = 20120329L;

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** What a client must never see. */
	static final Pattern FORBIDDEN = Pattern.compile("Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|java\\.|javax\\."
			+ "|org\\.springframework|graphql\\.[a-z]|BigDecimal|BigInteger|TemporalAccessor|LocalDate|OffsetDateTime"
			+ "|LinkedHashMap|ArrayList|Value\\{|\"trace\"|<html|'Integer'|'Double'|NullPointer");

	static final String INTROSPECTION = """
			{ __schema { queryType { name } mutationType { name } types { name kind
			  fields { name args { name type { ...T } } type { ...T } }
			  inputFields { name type { ...T } } enumValues { name } } } }
			fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }""";

	static final String[] STRINGS = { "", " ", "ZHUJI", "x".repeat(10_000), "中文的字符串", "\u0000\u0001\u001f", "\\\"'`",
			"{\"$gt\": \"\"}", "$where", "../../etc/passwd", "%00", "\uD83D\uDE00", "\uD800", "null", "UHJvamVjdDp4",
			"Project:1", "2012-03-29", "1e999999999", "-1", "<script>alert(1)</script>" };

	static final String[] NUMBERS = { "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
			"1e308", "1e400", "-1e400", "1e-400", "0.1", "1.5", "12.5", "1e7000", "-0",
			"123456789012345678901234567890123456789012345", "1e999999999" };

	static final String[] DECIMAL_TEXTS = { "12.5", "1e7000", "1e-7000", "1e999999999", "NaN", "Infinity", "-0",
			"1.000000000000000000000000000000000000001", "1e300", "0x10", "1,5", "9".repeat(5000), " 12 ", "" };

	static final String[] DATES = { "2012-03-29", "+999999999-12-31", "0000-00-00", "2012-13-45", "1899-12-31",
			"10000-01-01", "2012-02-30", "29/03/2012", "2012-03-29T00:00:00Z", "", "-2012-03-29" };

	static final String[] DATE_TIMES = { "2012-03-29T09:30:00+08:00", "+999999999-12-31T00:00:00Z",
			"2012-03-29T25:61:00Z", "2012-03-29", "1899-12-31T23:59:59Z", "" };

	static final String[] CONTENT_TYPES = { null, "application/*", "*/*", "text/plain", "application/xml",
			"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=latin1",
			"application/graphql", "application/json", "application/json; charset=utf-8", "a/b/c", ";;;",
			"application/graphql-response+json" };

	static final String[] BODIES = { "null", "[]", "1", "\"{ __typename }\"", "{", "{\"query\":", "{\"query\":1}",
			"{\"query\":true}", "{\"query\":null}", "{\"query\":{}}", "{\"query\":\"{ __typename }\",\"variables\":1}",
			"{\"query\":\"{ __typename }\",\"operationName\":[]}", "{\"query\":\"{\"}", "{\"query\":\"}}}}\"}",
			"{\"query\":\"query($a: Int) { __typename }\",\"variables\":{\"a\":1e400}}", "\u0000\u0001",
			"[".repeat(5000), "{\"query\":\"" + "{ a ".repeat(3000) + "\"}",
			"{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"zz\"}}}",
			"{\"extensions\":{\"persistedQuery\":1}}" };

	static final String[] QUERY_STRINGS = { "query=%", "query=%ZZ", "query=%E4%B8", "query=%C0%AF", "%=x", "&&&",
			"query", "query=%7B%20__typename%20%7D&query=x", "query=%7B%20__typename%20%7D&variables=%7B",
			"query=%7B%20__typename%20%7D&variables=1", "query=mutation%20%7B%20__typename%20%7D",
			"query=%7B%20__typename%20%7D&extensions=%5B%5D", "query=" + "%41".repeat(3000), "operationName=%FF" };

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer tokens;

	final Random random = new Random(SEED);

	Map<String, JsonNode> types = new HashMap<>();

	record Reply(int status, String body) {
	}

	@Test
	void noRequestGetsAServerErrorAJavaTypeOrAStackTrace() throws Exception {
		String admin = TestSecurity.adminToken(this.tokens);
		JsonNode schema = JSON
			.readTree(post("application/json",
					JSON.writeValueAsString(Map.of("query", INTROSPECTION)).getBytes(StandardCharsets.UTF_8), admin)
				.body())
			.path("data")
			.path("__schema");
		for (JsonNode type : schema.path("types")) {
			this.types.put(type.path("name").asString(), type);
		}
		List<String[]> roots = new ArrayList<>();
		for (String root : new String[] { schema.path("queryType").path("name").asString(),
				schema.path("mutationType").path("name").asString() }) {
			for (JsonNode field : this.types.get(root).path("fields")) {
				roots.add(new String[] { root, field.path("name").asString() });
			}
		}
		assertThat(roots).hasSizeGreaterThan(30);
		Map<String, Integer> kinds = new HashMap<>();
		for (int i = 0; i < REQUESTS; i++) {
			int dice = this.random.nextInt(10);
			String token = this.random.nextBoolean() ? admin : null;
			String kind;
			Reply reply;
			if (dice < 7) {
				String[] root = roots.get(i % roots.size());
				kind = "operation";
				reply = operation(root[0], root[1], token);
			}
			else if (dice < 9) {
				kind = "body";
				reply = post(pick(CONTENT_TYPES), pick(BODIES).getBytes(StandardCharsets.UTF_8), token);
			}
			else {
				kind = "get";
				reply = get("/graphql?" + pick(QUERY_STRINGS), token);
			}
			kinds.merge(kind, 1, Integer::sum);
			String context = "request " + i + " (" + kind + "): " + reply.body();
			assertThat(reply.status()).as(context).isLessThan(500);
			assertThat(FORBIDDEN.matcher(reply.body()).find()).as(context).isFalse();
			// a signed-in field refused to an anonymous caller still bubbles a null
			// through
			// a non-null parent (issue 10, "Public data survives signed-in fields",
			// branch
			// clients); any other INTERNAL error is a bug here
			if (!reply.body().contains("\"SIGN_IN_REQUIRED\"")) {
				assertThat(reply.body()).as(context).doesNotContain("\"INTERNAL\"");
			}
		}
		assertThat(kinds.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
		assertThat(kinds).containsKeys("operation", "body", "get");
	}

	Reply operation(String root, String fieldName, String token) throws IOException {
		JsonNode field = null;
		for (JsonNode candidate : this.types.get(root).path("fields")) {
			if (candidate.path("name").asString().equals(fieldName)) {
				field = candidate;
			}
		}
		StringBuilder variableDefinitions = new StringBuilder();
		StringBuilder variables = new StringBuilder();
		List<String> arguments = new ArrayList<>();
		int n = 0;
		for (JsonNode argument : field.path("args")) {
			boolean required = "NON_NULL".equals(argument.path("type").path("kind").asString());
			if (!required && this.random.nextInt(3) == 0) {
				continue;
			}
			if (this.random.nextBoolean()) {
				arguments.add(argument.path("name").asString() + ": " + literal(argument.path("type"), 0));
			}
			else {
				String variable = "v" + (n++);
				variableDefinitions.append(variableDefinitions.isEmpty() ? "(" : ", ")
					.append('$')
					.append(variable)
					.append(": ")
					.append(typeReference(argument.path("type")));
				variables.append(variables.isEmpty() ? "" : ",")
					.append('"')
					.append(variable)
					.append("\":")
					.append(json(argument.path("type"), 0));
				arguments.add(argument.path("name").asString() + ": $" + variable);
			}
		}
		String operation = "Mutation".equals(root) ? "mutation" : "query";
		String document = operation + (variableDefinitions.isEmpty() ? "" : variableDefinitions + ")") + " { "
				+ fieldName + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
				+ selection(field.path("type"), 0) + " }";
		String body = "{\"query\":" + JSON.writeValueAsString(document) + ",\"variables\":{" + variables + "}}";
		return post("application/json", body.getBytes(StandardCharsets.UTF_8), token);
	}

	String selection(JsonNode type, int depth) {
		JsonNode named = named(type);
		String kind = named.path("kind").asString();
		if (!"OBJECT".equals(kind) && !"INTERFACE".equals(kind)) {
			return "UNION".equals(kind) ? " { __typename }" : "";
		}
		List<String> picked = new ArrayList<>();
		picked.add("__typename");
		for (JsonNode field : this.types.get(named.path("name").asString()).path("fields")) {
			boolean needsArguments = false;
			for (JsonNode argument : field.path("args")) {
				needsArguments |= "NON_NULL".equals(argument.path("type").path("kind").asString());
			}
			String fieldKind = named(field.path("type")).path("kind").asString();
			boolean leaf = "SCALAR".equals(fieldKind) || "ENUM".equals(fieldKind);
			if (needsArguments || picked.size() > 4 || this.random.nextInt(3) != 0) {
				continue;
			}
			if (leaf) {
				picked.add(field.path("name").asString());
			}
			else if (depth < 2) {
				picked.add(field.path("name").asString() + selection(field.path("type"), depth + 1));
			}
		}
		return " { " + String.join(" ", picked) + " }";
	}

	JsonNode named(JsonNode type) {
		JsonNode named = type;
		while (named.path("ofType").isObject()) {
			named = named.path("ofType");
		}
		return named;
	}

	String typeReference(JsonNode type) {
		return switch (type.path("kind").asString()) {
			case "NON_NULL" -> typeReference(type.path("ofType")) + "!";
			case "LIST" -> "[" + typeReference(type.path("ofType")) + "]";
			default -> type.path("name").asString();
		};
	}

	/** A value for the type in GraphQL literal syntax, often of the wrong kind. */
	String literal(JsonNode type, int depth) {
		JsonNode named = named(type);
		int dice = this.random.nextInt(10);
		if (dice == 0) {
			return pick(new String[] { "null", "true", "\"x\"", "1", "[]", "{}", "ZZ_NOT_AN_ENUM", "1e400" });
		}
		boolean list = "LIST".equals(type.path("kind").asString()) || ("NON_NULL".equals(type.path("kind").asString())
				&& "LIST".equals(type.path("ofType").path("kind").asString()));
		if (list && dice < 8) {
			JsonNode element = "LIST".equals(type.path("kind").asString()) ? type.path("ofType")
					: type.path("ofType").path("ofType");
			List<String> values = new ArrayList<>();
			for (int i = this.random.nextInt(3); i > 0; i--) {
				values.add(literal(element, depth + 1));
			}
			return "[" + String.join(", ", values) + "]";
		}
		return switch (named.path("kind").asString()) {
			case "ENUM" ->
				(dice < 7) ? pick(this.types.get(named.path("name").asString()).path("enumValues")) : "NOT_A_VALUE";
			case "INPUT_OBJECT" -> inputLiteral(named, depth);
			default -> scalarLiteral(named.path("name").asString());
		};
	}

	String inputLiteral(JsonNode named, int depth) {
		if (depth > 2) {
			return "{}";
		}
		List<String> fields = new ArrayList<>();
		for (JsonNode field : this.types.get(named.path("name").asString()).path("inputFields")) {
			boolean required = "NON_NULL".equals(field.path("type").path("kind").asString());
			if (required || this.random.nextInt(3) == 0) {
				fields.add(field.path("name").asString() + ": " + literal(field.path("type"), depth + 1));
			}
		}
		return "{ " + String.join(", ", fields) + " }";
	}

	String scalarLiteral(String scalar) {
		return switch (scalar) {
			case "Int", "Float", "Long" -> this.random.nextBoolean() ? pick(NUMBERS) : quote(pick(STRINGS));
			case "Boolean" -> this.random.nextBoolean() ? "true" : pick(NUMBERS);
			case "Decimal" -> this.random.nextBoolean() ? quote(pick(DECIMAL_TEXTS)) : pick(NUMBERS);
			case "Date" -> quote(pick(DATES));
			case "DateTime" -> quote(pick(DATE_TIMES));
			default -> this.random.nextInt(5) == 0 ? pick(NUMBERS) : quote(pick(STRINGS));
		};
	}

	/** A value for the type as raw JSON text, so that numbers like 1e400 pass as sent. */
	String json(JsonNode type, int depth) {
		JsonNode named = named(type);
		int dice = this.random.nextInt(10);
		if (dice == 0) {
			return pick(new String[] { "null", "true", "\"x\"", "1", "[]", "{}", "1e400", "-1e400" });
		}
		boolean list = "LIST".equals(type.path("kind").asString()) || ("NON_NULL".equals(type.path("kind").asString())
				&& "LIST".equals(type.path("ofType").path("kind").asString()));
		if (list && dice < 8) {
			JsonNode element = "LIST".equals(type.path("kind").asString()) ? type.path("ofType")
					: type.path("ofType").path("ofType");
			List<String> values = new ArrayList<>();
			for (int i = this.random.nextInt(3); i > 0; i--) {
				values.add(json(element, depth + 1));
			}
			return "[" + String.join(",", values) + "]";
		}
		switch (named.path("kind").asString()) {
			case "ENUM":
				return (dice < 7) ? "\"" + pick(this.types.get(named.path("name").asString()).path("enumValues")) + "\""
						: "\"NOT_A_VALUE\"";
			case "INPUT_OBJECT":
				if (depth > 2) {
					return "{}";
				}
				List<String> fields = new ArrayList<>();
				for (JsonNode field : this.types.get(named.path("name").asString()).path("inputFields")) {
					boolean required = "NON_NULL".equals(field.path("type").path("kind").asString());
					if (required || this.random.nextInt(3) == 0) {
						fields.add("\"" + field.path("name").asString() + "\":" + json(field.path("type"), depth + 1));
					}
				}
				return "{" + String.join(",", fields) + "}";
			default:
				String literal = scalarLiteral(named.path("name").asString());
				// GraphQL string literals are JSON strings; numbers and booleans are the
				// same
				return literal;
		}
	}

	String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

	String pick(JsonNode enumValues) {
		return enumValues.get(this.random.nextInt(enumValues.size())).path("name").asString();
	}

	static String quote(String text) {
		return JSON.writeValueAsString(text);
	}

	Reply post(String contentType, byte[] body, String token) throws IOException {
		String head = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Accept: application/graphql-response+json\r\n"
				+ ((contentType != null) ? "Content-Type: " + contentType + "\r\n" : "")
				+ ((token != null) ? "Authorization: Bearer " + token + "\r\n" : "") + "Content-Length: " + body.length
				+ "\r\n\r\n";
		return exchange(head, body);
	}

	Reply get(String target, String token) throws IOException {
		return exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ ((token != null) ? "Authorization: Bearer " + token + "\r\n" : "")
				+ "Accept: application/graphql-response+json\r\n\r\n", null);
	}

	Reply exchange(String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.UTF_8));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			String text = response.toString(StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			String content = (split >= 0) ? text.substring(split + 4) : "";
			if (split >= 0 && text.substring(0, split).toLowerCase().contains("transfer-encoding: chunked")) {
				content = HttpEdgeTests.unchunk(response.toByteArray(), split + 4);
			}
			return new Reply(Integer.parseInt(text.substring(9, 12)), content);
		}
	}

}
