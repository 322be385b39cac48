package gov.shaoxing.investment.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * The depth, the alias count and the field count of a parsed document, read from its
 * syntax tree alone so that all three are checked before validation, whose cost grows
 * with the number of fields. Fragments count every time they are spread, yet each is
 * worked out once and multiplied at its spreads, so a document cannot hide work behind
 * fragments and a fan-out of fragments (each spreading the next twice) costs as many
 * steps as it has fragments, not as many as it would expand to.
 *
 * @param depth the deepest nesting of fields; {@code __schema} and {@code __type} count
 * as one level, as graphql-java guards introspection itself
 * @param aliases the number of aliased fields that execution would meet
 * @param fields the number of field selections once every fragment is expanded
 * (saturating at {@link Long#MAX_VALUE})
 */
record QueryShape(int depth, long aliases, long fields) {

	private static final QueryShape EMPTY = new QueryShape(0, 0, 0);

	static QueryShape of(Document document) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.put(fragment.getName(), fragment);
		}
		Walker walker = new Walker(fragments);
		int depth = 0;
		long aliases = 0;
		long fields = 0;
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			QueryShape shape = walker.shape(operation.getSelectionSet());
			depth = Math.max(depth, shape.depth());
			aliases = Math.max(aliases, shape.aliases());
			fields = Math.max(fields, shape.fields());
		}
		return new QueryShape(depth, aliases, fields);
	}

	static long add(long a, long b) {
		return (Long.MAX_VALUE - a < b) ? Long.MAX_VALUE : a + b;
	}

	private static final class Walker {

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, QueryShape> known = new HashMap<>();

		private final Set<String> entered = new HashSet<>();

		Walker(Map<String, FragmentDefinition> fragments) {
			this.fragments = fragments;
		}

		QueryShape shape(SelectionSet selectionSet) {
			if (selectionSet == null) {
				return EMPTY;
			}
			int depth = 0;
			long aliases = 0;
			long fields = 0;
			for (Selection<?> selection : selectionSet.getSelections()) {
				QueryShape shape;
				if (selection instanceof Field field) {
					QueryShape children = shape(field.getSelectionSet());
					boolean introspection = "__schema".equals(field.getName()) || "__type".equals(field.getName());
					shape = new QueryShape(introspection ? 1 : 1 + children.depth(),
							add(children.aliases(), (field.getAlias() != null) ? 1 : 0), add(children.fields(), 1));
				}
				else if (selection instanceof InlineFragment inline) {
					shape = shape(inline.getSelectionSet());
				}
				else if (selection instanceof FragmentSpread spread) {
					shape = fragment(spread.getName());
				}
				else {
					continue;
				}
				depth = Math.max(depth, shape.depth());
				// saturating: fragments spread within fragments multiply
				aliases = add(aliases, shape.aliases());
				fields = add(fields, shape.fields());
			}
			return new QueryShape(depth, aliases, fields);
		}

		private QueryShape fragment(String name) {
			QueryShape shape = this.known.get(name);
			if (shape != null) {
				return shape;
			}
			FragmentDefinition definition = this.fragments.get(name);
			if (definition == null || !this.entered.add(name)) {
				// unknown or cyclic: validation reports it
				return EMPTY;
			}
			shape = shape(definition.getSelectionSet());
			this.known.put(name, shape);
			return shape;
		}

	}

}
