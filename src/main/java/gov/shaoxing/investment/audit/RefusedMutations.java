package gov.shaoxing.investment.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.CurrentActor;
import graphql.GraphQLError;
import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Audits mutation requests refused before any mutation ran (a value that could not be
 * read as its type, a failed validation, a query limit), which {@link AuditedMutations}
 * never sees: one record per root field, with the arguments as the client wrote them and
 * the variables as text. Only responses without data are looked at, so answered requests
 * cost nothing here.
 */
@Component
class RefusedMutations implements WebGraphQlInterceptor {

	private final AuditTrail trail;

	RefusedMutations(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Actor actor = CurrentActor.get();
		return chain.next(request).doOnNext((response) -> {
			if (response.getExecutionResult().getData() == null && !response.getErrors().isEmpty()
					&& request.getDocument() != null && request.getDocument().contains("mutation")) {
				audit(request, actor, response.getExecutionResult().getErrors());
			}
		});
	}

	private void audit(WebGraphQlRequest request, Actor actor, List<GraphQLError> errors) {
		OperationDefinition mutation = mutation(request.getDocument(), request.getOperationName());
		if (mutation == null) {
			return;
		}
		List<String> codes = new ArrayList<>();
		for (GraphQLError error : errors) {
			Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
			codes.add(code != null ? code.toString()
					: error.getErrorType() == null ? "INVALID_REQUEST" : error.getErrorType().toString());
		}
		for (var selection : mutation.getSelectionSet().getSelections()) {
			if (selection instanceof Field field) {
				Map<String, Object> input = new LinkedHashMap<>();
				for (Argument argument : field.getArguments()) {
					input.put(argument.getName(), AstPrinter.printAst(argument.getValue()));
				}
				// a sign-in's variables may hold its password under any name
				if (!"login".equals(field.getName()) && request.getVariables() != null
						&& !request.getVariables().isEmpty()) {
					input.put("variables", request.getVariables());
				}
				this.trail.writeRefused(
						new AuditTrail.Attempt(field.getName(), actor, input, "REJECTED", List.copyOf(codes), null));
			}
		}
	}

	/** The request's mutation operation, or null if it is not one or cannot be read. */
	private static OperationDefinition mutation(String text, String operationName) {
		Document document;
		try {
			document = Parser.parse(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			if (operation.getOperation() == OperationDefinition.Operation.MUTATION
					&& (operationName == null || operationName.equals(operation.getName()))) {
				return operation;
			}
		}
		return null;
	}

}
