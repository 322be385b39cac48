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
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place where exceptions become GraphQL errors: a classification and a stable {@code extensions.code},
 * never a raw exception message or a stack trace.
 */
@ControllerAdvice
class GraphQlErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrorAdvice.class);

	@GraphQlExceptionHandler
	GraphQLError handle(ApiException ex, DataFetchingEnvironment env) {
		return error(env, ex.code(), ex.getMessage(), ex.field());
	}

	@GraphQlExceptionHandler({ MongoException.class, DataAccessResourceFailureException.class })
	GraphQLError storeFailure(RuntimeException ex, DataFetchingEnvironment env) {
		log.warn("Store failure on {}: {}", env.getExecutionStepInfo().getPath(), ex.toString());
		return error(env, ErrorCode.STORE_UNAVAILABLE, "The data store is unavailable; try again later.", null);
	}

	@GraphQlExceptionHandler
	GraphQLError unexpected(Throwable ex, DataFetchingEnvironment env) {
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
