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
 * The one place where exceptions become GraphQL errors: a classification and a stable
 * {@code extensions.code}, never a raw exception message or a stack trace. It is a
 * resolver rather than a controller advice because advice runs inside the data fetcher,
 * where the framework's connection adapter would turn the failed field into an empty
 * connection instead of null.
 */
@Component
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof ApiException api) {
			GraphQLError error = error(env, api.code(), api.getMessage(), api.field());
			if (api.extensions().isEmpty()) {
				return error;
			}
			Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
			extensions.putAll(api.extensions());
			return GraphqlErrorBuilder.newError(env)
				.errorType(error.getErrorType())
				.message(error.getMessage())
				.extensions(extensions)
				.build();
		}
		if (ex instanceof MongoException || ex instanceof DataAccessResourceFailureException) {
			log.warn("Store failure on {}: {}", env.getExecutionStepInfo().getPath(), ex.toString());
			return error(env, ErrorCode.STORE_UNAVAILABLE, "The data store is unavailable; try again later.", null);
		}
		log.error("Unexpected failure on {}", env.getExecutionStepInfo().getPath(), ex);
		return error(env, ErrorCode.INTERNAL, "Internal error.", null);
	}

	static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message, String field) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		if (field != null) {
			extensions.put("field", field);
		}
		return GraphqlErrorBuilder.newError(env)
			.errorType(code.classification())
			.message(message)
			.extensions(extensions)
			.build();
	}

}
