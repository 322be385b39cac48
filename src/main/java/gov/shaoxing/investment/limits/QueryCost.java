package gov.shaoxing.investment.limits;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
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
 * count 1: graphql-java guards introspection itself. Fields left out by {@code @skip} or
 * {@code @include} count nothing.
 *
 * <p>
 * It reads the syntax tree, not graphql-java's normalized operation, which expands every
 * fragment in memory: a fragment counts every time it is spread, but its cost is worked
 * out once per operation and multiplied at its spreads.
 */
final class QueryCost {

	static final Map<String, Integer> LIST_ESTIMATES = Map.of("districts", 11, "targets", 25);

	static final int OTHER_LIST_ESTIMATE = 50;

	private static final Part NONE = new Part(0, 0, 0);

	private final GraphQLSchema schema;

	private final int defaultPageSize;

	private final int maxPageSize;

	QueryCost(GraphQLSchema schema, int defaultPageSize, int maxPageSize) {
		this.schema = schema;
		this.defaultPageSize = defaultPageSize;
		this.maxPageSize = maxPageSize;
	}

	long of(OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
		GraphQLNamedType root = switch (operation.getOperation()) {
			case MUTATION -> this.schema.getMutationType();
			case SUBSCRIPTION -> this.schema.getSubscriptionType();
			default -> this.schema.getQueryType();
		};
		return new Walk(fragments, variables).selections(operation.getSelectionSet(), root).flat();
	}

	/**
	 * What a selection set costs: {@code other} for its fields other than {@code nodes}
	 * and {@code edges}; for those two, {@code items} as plain fields and {@code perItem}
	 * as one item of a connection's page.
	 */
	private record Part(long other, long items, long perItem) {

		long flat() {
			return add(this.other, this.items);
		}

		Part plus(Part part) {
			return new Part(add(this.other, part.other), add(this.items, part.items), add(this.perItem, part.perItem));
		}

	}

	private final class Walk {

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, Object> variables;

		private final Map<String, Part> known = new HashMap<>();

		private final Set<String> entered = new HashSet<>();

		Walk(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
			this.fragments = fragments;
			this.variables = variables;
		}

		Part selections(SelectionSet selectionSet, GraphQLType parent) {
			Part total = NONE;
			if (selectionSet == null) {
				return total;
			}
			for (Selection<?> selection : selectionSet.getSelections()) {
				if (selection instanceof Field field) {
					if (!skipped(field.getDirectives())) {
						total = total.plus(field(field, parent));
					}
				}
				else if (selection instanceof InlineFragment inline) {
					if (!skipped(inline.getDirectives())) {
						GraphQLType type = (inline.getTypeCondition() != null)
								? QueryCost.this.schema.getType(inline.getTypeCondition().getName()) : parent;
						total = total.plus(selections(inline.getSelectionSet(), type));
					}
				}
				else if (selection instanceof FragmentSpread spread && !skipped(spread.getDirectives())) {
					total = total.plus(fragment(spread.getName()));
				}
			}
			return total;
		}

		private Part fragment(String name) {
			Part known = this.known.get(name);
			if (known != null) {
				return known;
			}
			FragmentDefinition definition = this.fragments.get(name);
			if (definition == null || !this.entered.add(name)) {
				// unknown or cyclic: validation reports it
				return NONE;
			}
			Part part = selections(definition.getSelectionSet(),
					QueryCost.this.schema.getType(definition.getTypeCondition().getName()));
			this.known.put(name, part);
			return part;
		}

		private Part field(Field field, GraphQLType parent) {
			String name = field.getName();
			boolean items = "nodes".equals(name) || "edges".equals(name);
			GraphQLFieldDefinition definition = (parent instanceof GraphQLFieldsContainer container)
					? container.getFieldDefinition(name) : null;
			if ("__schema".equals(name) || "__type".equals(name) || field.getSelectionSet() == null
					|| field.getSelectionSet().getSelections().isEmpty()) {
				return items ? new Part(0, 1, 1) : new Part(1, 0, 0);
			}
			GraphQLType type = (definition != null) ? definition.getType() : null;
			GraphQLType unwrapped = (type != null) ? GraphQLTypeUtil.unwrapAll(type) : null;
			Part children = selections(field.getSelectionSet(), unwrapped);
			long cost;
			boolean connection = definition != null && (definition.getArgument("first") != null
					|| ((GraphQLNamedType) unwrapped).getName().endsWith("Connection"));
			if (connection) {
				// an item counts 1 plus its fields; the page size, not a list estimate,
				// says how many there are
				cost = add(1, add(children.other(), times(children.perItem(), pageSize(field))));
			}
			else {
				boolean list = type != null && GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
				long count = list ? LIST_ESTIMATES.getOrDefault(name, OTHER_LIST_ESTIMATE) : 1;
				cost = add(1, times(children.flat(), count));
			}
			return items ? new Part(0, cost, add(1, children.flat())) : new Part(cost, 0, 0);
		}

		private long pageSize(Field field) {
			Argument first = field.getArguments()
				.stream()
				.filter((argument) -> "first".equals(argument.getName()))
				.findFirst()
				.orElse(null);
			Object value = (first != null) ? value(first.getValue()) : null;
			if (value instanceof BigInteger big) {
				return (big.signum() < 0) ? 0 : big.min(BigInteger.valueOf(QueryCost.this.maxPageSize)).longValue();
			}
			if (!(value instanceof Number number)) {
				return QueryCost.this.defaultPageSize;
			}
			return Math.max(0, Math.min(number.longValue(), QueryCost.this.maxPageSize));
		}

		private boolean skipped(List<Directive> directives) {
			for (Directive directive : directives) {
				Argument condition = directive.getArgument("if");
				Object value = (condition != null) ? value(condition.getValue()) : null;
				if ("skip".equals(directive.getName()) && Boolean.TRUE.equals(value)) {
					return true;
				}
				if ("include".equals(directive.getName()) && Boolean.FALSE.equals(value)) {
					return true;
				}
			}
			return false;
		}

		private Object value(Value<?> value) {
			if (value instanceof VariableReference reference) {
				return this.variables.get(reference.getName());
			}
			if (value instanceof IntValue number) {
				return number.getValue();
			}
			if (value instanceof BooleanValue bool) {
				return bool.isValue();
			}
			return null;
		}

	}

	private static long add(long a, long b) {
		return QueryShape.add(a, b);
	}

	private static long times(long a, long b) {
		return (a != 0 && b > Long.MAX_VALUE / a) ? Long.MAX_VALUE : a * b;
	}

}
