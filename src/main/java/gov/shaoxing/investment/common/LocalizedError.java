package gov.shaoxing.investment.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.SourceLocation;

/**
 * A GraphQL error raised where the caller's language is not at hand (instrumentation,
 * document providers, interceptors): it carries its {@link ErrorMessage}, and is worded
 * once the response is complete, by the interceptor of {@link LocaleConfiguration}. Until
 * then its message is the code.
 */
public final class LocalizedError implements GraphQLError {

	private final ErrorMessage message;

	private final Map<String, Object> extensions;

	private final List<SourceLocation> locations;

	private final List<Object> path;

	private LocalizedError(ErrorMessage message, Map<String, Object> more, List<SourceLocation> locations,
			List<Object> path) {
		this.message = message;
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", message.code().name());
		extensions.putAll(more);
		this.extensions = Collections.unmodifiableMap(extensions);
		this.locations = locations;
		this.path = path;
	}

	/** A request-level error with more extensions after the code. */
	public static LocalizedError of(ErrorMessage message, Map<String, Object> more) {
		return new LocalizedError(message, more, null, null);
	}

	/** An error at a field's locations and path. */
	public static LocalizedError at(ErrorMessage message, List<SourceLocation> locations, List<Object> path) {
		return new LocalizedError(message, Map.of(), locations, path);
	}

	public ErrorMessage errorMessage() {
		return this.message;
	}

	@Override
	public String getMessage() {
		return this.message.code().name();
	}

	@Override
	public List<SourceLocation> getLocations() {
		return this.locations;
	}

	@Override
	public List<Object> getPath() {
		return this.path;
	}

	@Override
	public ErrorClassification getErrorType() {
		return this.message.code().classification();
	}

	@Override
	public Map<String, Object> getExtensions() {
		return this.extensions;
	}

	/** The same error worded in a language. */
	GraphQLError worded(Messages messages, Locale locale) {
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message(messages.get(this.message, locale))
			.errorType(getErrorType())
			.extensions(getExtensions());
		if (this.locations != null) {
			builder.locations(this.locations);
		}
		if (this.path != null) {
			builder.path(this.path);
		}
		return builder.build();
	}

}
