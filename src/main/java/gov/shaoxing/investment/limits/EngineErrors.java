package gov.shaoxing.investment.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.InputScalars;
import gov.shaoxing.investment.common.LocalizedError;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.ErrorType;

/**
 * Gives every error a stable {@code extensions.code}, and graphql-java's own errors a
 * message without Java types: parse errors become {@code GRAPHQL_PARSE_FAILED},
 * validation and variable errors {@code GRAPHQL_VALIDATION_FAILED} (or the code of the
 * scalar check that refused the value, such as {@code OUT_OF_RANGE}), and any other error
 * without a code gets one from its classification. graphql-java describes a wrong value
 * by the Java class of the value or of its syntax node ({@code 'LinkedHashMap'},
 * {@code StringValue{value='x'}}); those become what a client sent ("an object", "a
 * string").
 */
final class EngineErrors {

	static final String GRAPHQL_PARSE_FAILED = ErrorCode.GRAPHQL_PARSE_FAILED.name();

	static final String GRAPHQL_VALIDATION_FAILED = ErrorCode.GRAPHQL_VALIDATION_FAILED.name();

	private static final Map<String, String> KINDS = kinds();

	/** What graphql-java says a value was: the Java class of the value or its node. */
	private static final Pattern DESCRIBED = Pattern.compile("(was an? |was |but got |got )'([A-Za-z0-9_.$]+)'");

	/** A qualified Java class name anywhere. */
	private static final Pattern QUALIFIED = Pattern
		.compile("'?(?:java|javax|graphql|org|com)\\.[a-z][A-Za-z0-9_.$]*'?");

	private static final Pattern NODE_TEXT = Pattern.compile(" with value '.*' is not a valid '");

	/**
	 * A syntax node's toString in any other message ({@code 'ArrayValue{values=[]}'}).
	 */
	private static final Pattern NODE = Pattern.compile(" with value '[A-Z][A-Za-z]*\\{.*\\}'");

	/**
	 * Where a syntax node's toString starts anywhere in a message, quoted or not
	 * ({@code 'EnumValue{name='X'}'}).
	 */
	private static final Pattern NODE_START = Pattern.compile("'?\\b([A-Z][A-Za-z]*)\\{");

	private static final Pattern NODE_VALUE = Pattern.compile("^(?:name|value)=('?)(.*)\\1$", Pattern.DOTALL);

	private static final Pattern ARGUMENT = Pattern.compile("argument '([^']+)'");

	private static final Pattern VARIABLE = Pattern.compile("Variable '([^']+)'");

	private EngineErrors() {
	}

	private static Map<String, String> kinds() {
		Map<String, String> kinds = new LinkedHashMap<>();
		for (String name : List.of("StringValue", "String", "java.lang.String", "Character")) {
			kinds.put(name, "a string");
		}
		for (String name : List.of("IntValue", "Integer", "Long", "Short", "Byte", "BigInteger", "java.lang.Integer",
				"java.lang.Long", "java.math.BigInteger")) {
			kinds.put(name, "a whole number");
		}
		for (String name : List.of("FloatValue", "Double", "Float", "BigDecimal", "java.lang.Double",
				"java.math.BigDecimal")) {
			kinds.put(name, "a number");
		}
		for (String name : List.of("BooleanValue", "java.lang.Boolean")) {
			kinds.put(name, "true or false");
		}
		for (String name : List.of("ObjectValue", "LinkedHashMap", "HashMap", "Map", "TreeMap", "java.util.Map",
				"java.util.LinkedHashMap")) {
			kinds.put(name, "an object");
		}
		for (String name : List.of("ArrayValue", "ArrayList", "List", "Collection", "java.util.List",
				"java.util.ArrayList")) {
			kinds.put(name, "a list");
		}
		kinds.put("EnumValue", "an enum value");
		kinds.put("NullValue", "null");
		kinds.put("VariableReference", "a variable");
		return kinds;
	}

	static GraphQLError normalize(GraphQLError error) {
		Map<String, Object> extensions = error.getExtensions();
		boolean hasCode = extensions != null && extensions.get("code") != null;
		ErrorClassification type = error.getErrorType();
		String message = error.getMessage();
		ErrorMessage scalar = InputScalars.refusalIn(message, where(message));
		if (scalar != null) {
			// worded in the caller's language once the response is complete
			return LocalizedError.at(scalar, error.getLocations(), error.getPath());
		}
		if (type == graphql.ErrorType.InvalidSyntax) {
			return hasCode ? error : rebuild(error, GRAPHQL_PARSE_FAILED, javaFree(message), type);
		}
		if (type == graphql.ErrorType.ValidationError || type == graphql.ErrorType.OperationNotSupported) {
			String cleaned = javaFree(message);
			if (hasCode && cleaned.equals(message)) {
				return error;
			}
			return rebuild(error, hasCode ? (String) extensions.get("code") : GRAPHQL_VALIDATION_FAILED, cleaned, type);
		}
		if (hasCode) {
			return error;
		}
		return rebuild(error, codeOf(type), message, type);
	}

	/** {@code input.value} or {@code $input}, as graphql-java named the value. */
	private static String where(String message) {
		Matcher argument = ARGUMENT.matcher(message);
		if (argument.find()) {
			return argument.group(1);
		}
		Matcher variable = VARIABLE.matcher(message);
		if (variable.find()) {
			return "$" + variable.group(1);
		}
		return "?";
	}

	static String javaFree(String message) {
		if (message == null) {
			return null;
		}
		String result = withoutNodes(
				NODE.matcher(NODE_TEXT.matcher(message).replaceAll(" is not a valid '")).replaceAll(""));
		Matcher described = DESCRIBED.matcher(result);
		StringBuilder text = new StringBuilder();
		while (described.find()) {
			String kind = KINDS.getOrDefault(described.group(2), "a value of another kind");
			described.appendReplacement(text,
					Matcher.quoteReplacement(described.group(1).replaceFirst("(?<=was )an? $", "") + kind));
		}
		described.appendTail(text);
		return QUALIFIED.matcher(text).replaceAll("a value");
	}

	/**
	 * Each remaining syntax node becomes what the client wrote: the name of an enum
	 * value, the text of a scalar, else the kind of value ("a list").
	 */
	static String withoutNodes(String message) {
		StringBuilder text = new StringBuilder();
		int from = 0;
		Matcher start = NODE_START.matcher(message);
		while (from < message.length() && start.find(from)) {
			boolean quoted = message.charAt(start.start()) == '\'';
			int open = start.end() - 1;
			int close = closing(message, open, true);
			if (close < 0) {
				close = closing(message, open, false);
			}
			int end = (close < 0) ? message.length() : close + 1;
			if (quoted && end < message.length() && message.charAt(end) == '\'') {
				end++;
			}
			text.append(message, from, start.start());
			String body = (close < 0) ? message.substring(open + 1) : message.substring(open + 1, close);
			text.append(describe(start.group(1), body, quoted));
			from = end;
		}
		text.append(message.substring(Math.min(from, message.length())));
		return text.toString();
	}

	/** Index of the brace closing the one at {@code open}, or -1. */
	private static int closing(String message, int open, boolean quoteAware) {
		int depth = 0;
		boolean inQuote = false;
		for (int i = open; i < message.length(); i++) {
			char c = message.charAt(i);
			if (quoteAware && c == '\'') {
				inQuote = !inQuote;
			}
			else if (!inQuote && c == '{') {
				depth++;
			}
			else if (!inQuote && c == '}' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	private static String describe(String node, String body, boolean quoted) {
		Matcher value = NODE_VALUE.matcher(body);
		boolean literal = switch (node) {
			case "EnumValue", "StringValue", "IntValue", "FloatValue", "BooleanValue" -> true;
			default -> false;
		};
		if (literal && value.matches() && !value.group(2).contains("{")) {
			String shown = "StringValue".equals(node) ? "\"" + value.group(2) + "\"" : value.group(2);
			return quoted ? "'" + shown + "'" : shown;
		}
		return KINDS.getOrDefault(node, "a value");
	}

	private static String codeOf(ErrorClassification type) {
		if (type instanceof ErrorType springType) {
			return switch (springType) {
				case BAD_REQUEST -> ErrorCode.INVALID_ARGUMENT.name();
				case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED.name();
				case FORBIDDEN -> ErrorCode.FORBIDDEN.name();
				case NOT_FOUND -> ErrorCode.NOT_FOUND.name();
				case INTERNAL_ERROR -> ErrorCode.INTERNAL.name();
			};
		}
		return ErrorCode.INTERNAL.name();
	}

	private static GraphQLError rebuild(GraphQLError error, String code, String message,
			ErrorClassification classification) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.put("code", code);
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message(message)
			.errorType(classification)
			.extensions(extensions);
		if (error.getLocations() != null) {
			builder.locations(error.getLocations());
		}
		if (error.getPath() != null) {
			builder.path(error.getPath());
		}
		return builder.build();
	}

}
