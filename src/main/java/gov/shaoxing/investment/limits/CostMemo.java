package gov.shaoxing.investment.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.VariableReference;

/**
 * The costs already worked out for one cached document. A cost depends on the document
 * and on the values of only the variables that reach a {@code first} argument or a
 * directive's {@code if} ({@code @skip}, {@code @include}), so it is kept per operation
 * and per values of those variables: a dashboard asking for other ids costs the same, one
 * asking for another page size gets its own. The request's GraphQL context carries it
 * from the document cache to {@link QueryLimitsInstrumentation}.
 */
final class CostMemo {

	static final String CONTEXT_KEY = CostMemo.class.getName();

	/**
	 * Page sizes a client might vary; beyond this many, costs are worked out again each
	 * time.
	 */
	static final int MAX_VARIANTS = 32;

	private final Set<String> variables;

	private final Map<List<Object>, Long> costs = new ConcurrentHashMap<>();

	private CostMemo(Set<String> variables) {
		this.variables = variables;
	}

	static CostMemo of(Document document) {
		Set<String> names = new TreeSet<>();
		collect(document, false, names);
		return new CostMemo(names);
	}

	private static void collect(Node<?> node, boolean inCostArgument, Set<String> names) {
		boolean inside = inCostArgument || (node instanceof Argument argument
				&& ("first".equals(argument.getName()) || "if".equals(argument.getName())));
		if (inside && node instanceof VariableReference reference) {
			names.add(reference.getName());
		}
		for (Node<?> child : node.getChildren()) {
			collect(child, inside, names);
		}
	}

	/** The variables that can change the cost, for tests. */
	Set<String> variables() {
		return this.variables;
	}

	Long get(String operationName, Map<String, Object> variableValues) {
		return this.costs.get(key(operationName, variableValues));
	}

	void put(String operationName, Map<String, Object> variableValues, long cost) {
		if (this.costs.size() < MAX_VARIANTS) {
			this.costs.put(key(operationName, variableValues), cost);
		}
	}

	private List<Object> key(String operationName, Map<String, Object> variableValues) {
		List<Object> key = new ArrayList<>(1 + this.variables.size());
		key.add(operationName);
		for (String name : this.variables) {
			key.add(variableValues.get(name));
		}
		return key;
	}

}
