package gov.shaoxing.investment.common;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.MongoException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * The one place where exceptions become GraphQL errors: a classification, a stable
 * {@code extensions.code} and a message from the bundles in the operation's language,
 * never a raw exception message or a stack trace. It is a resolver rather than a
 * controller advice because advice runs inside the data fetcher, where the framework's
 * connection adapter would turn the failed field into an empty connection instead of
 * null.
 */
@Component
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

	private final Messages messages;

	GraphQlErrorResolver(Messages messages) {
		this.messages = messages;
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof ApiException api) {
			return error(env, api.message(), api.field(), api.extensions());
		}
		if (ex instanceof MongoException || ex instanceof DataAccessResourceFailureException) {
			log.warn("Store failure on {}: {}", env.getExecutionStepInfo().getPath(), ex.toString());
			return error(env, ErrorCode.STORE_UNAVAILABLE.message(), null, Map.of());
		}
		log.error("Unexpected failure on {}", env.getExecutionStepInfo().getPath(), ex);
		return error(env, ErrorCode.INTERNAL.message(), null, Map.of());
	}

	private GraphQLError error(DataFetchingEnvironment env, ErrorMessage message, String field,
			Map<String, Object> more) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", message.code().name());
		if (field != null) {
			extensions.put("field", field);
		}
		extensions.putAll(more);
		return GraphqlErrorBuilder.newError(env)
			.errorType(message.code().classification())
			.message(this.messages.get(message, env.getLocale()))
			.extensions(extensions)
			.build();
	}

}
