package gov.shaoxing.investment.limits;

import java.util.List;
import java.util.Map;

import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The cost of an operation: the number of field values its response may hold, estimated
 * before it runs, in the manner of GitHub's node limit. Each field counts 1. Under a
 * connection (a field returning a {@code *Connection} or taking {@code first}) the
 * {@code nodes} and {@code edges} subtrees count once per requested item: {@code first}
 * with variables applied, 20 when left out, and never more than the largest page the
 * service serves (a larger {@code first} is refused by paging, with its own error). Lists
 * without paging count by a fixed estimate: 11 {@code districts}, 25 {@code targets}, 50
 * for any other list of objects. Introspection's {@code __schema} and {@code __type}
 * count 1: graphql-java guards introspection itself.
 */
final class QueryCost {

	static final Map<String, Integer> LIST_ESTIMATES = Map.of("districts", 11, "targets", 25);

	static final int OTHER_LIST_ESTIMATE = 50;

	private final GraphQLSchema schema;

	private final int defaultPageSize;

	private final int maxPageSize;

	QueryCost(GraphQLSchema schema, int defaultPageSize, int maxPageSize) {
		this.schema = schema;
		this.defaultPageSize = defaultPageSize;
		this.maxPageSize = maxPageSize;
	}

	long of(ExecutableNormalizedOperation operation) {
		return sum(operation.getTopLevelFields(), 1);
	}

	private long of(ExecutableNormalizedField field) {
		String name = field.getFieldName();
		if ("__schema".equals(name) || "__type".equals(name) || field.getChildren().isEmpty()) {
			return 1;
		}
		List<GraphQLFieldDefinition> definitions = field.getFieldDefinitions(this.schema);
		GraphQLFieldDefinition definition = definitions.isEmpty() ? null : definitions.get(0);
		GraphQLType type = (definition != null) ? definition.getType() : null;
		boolean connection = definition != null && (definition.getArgument("first") != null
				|| ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type)).getName().endsWith("Connection"));
		if (connection) {
			long pageSize = pageSize(field.getResolvedArguments().get("first"));
			long children = 0;
			for (ExecutableNormalizedField child : field.getChildren()) {
				boolean perItem = "nodes".equals(child.getFieldName()) || "edges".equals(child.getFieldName());
				// an item counts 1 plus its fields; the page size, not a list estimate,
				// says how many there are
				children = add(children, perItem ? times(add(1, sum(child.getChildren(), 1)), pageSize) : of(child));
			}
			return add(1, children);
		}
		boolean list = type != null && GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
		long count = list ? LIST_ESTIMATES.getOrDefault(name, OTHER_LIST_ESTIMATE) : 1;
		return add(1, sum(field.getChildren(), count));
	}

	private long sum(List<ExecutableNormalizedField> fields, long times) {
		long total = 0;
		for (ExecutableNormalizedField field : fields) {
			total = add(total, of(field));
		}
		return times(total, times);
	}

	private long pageSize(Object first) {
		if (!(first instanceof Number number)) {
			return this.defaultPageSize;
		}
		return Math.max(0, Math.min(number.longValue(), this.maxPageSize));
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return (sum < a) ? Long.MAX_VALUE : sum;
	}

	private static long times(long a, long b) {
		return (a != 0 && b > Long.MAX_VALUE / a) ? Long.MAX_VALUE : a * b;
	}

}
