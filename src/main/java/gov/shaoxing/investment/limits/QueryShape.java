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
 * The depth and the alias count of a parsed document, read from its syntax tree alone so
 * that both are checked before validation, whose cost grows with the number of fields.
 * Fragments count where they are spread, each worked out once, so a document cannot hide
 * work by spreading a fragment many times.
 *
 * @param depth the deepest nesting of fields; {@code __schema} and {@code __type} count
 * as one level, as graphql-java guards introspection itself
 * @param aliases the number of aliased fields that execution would meet
 */
record QueryShape(int depth, long aliases) {

	static QueryShape of(Document document) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.put(fragment.getName(), fragment);
		}
		Walker walker = new Walker(fragments);
		int depth = 0;
		long aliases = 0;
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			QueryShape shape = walker.shape(operation.getSelectionSet());
			depth = Math.max(depth, shape.depth());
			aliases = Math.max(aliases, shape.aliases());
		}
		return new QueryShape(depth, aliases);
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
				return new QueryShape(0, 0);
			}
			int depth = 0;
			long aliases = 0;
			for (Selection<?> selection : selectionSet.getSelections()) {
				QueryShape shape;
				if (selection instanceof Field field) {
					QueryShape children = shape(field.getSelectionSet());
					boolean introspection = "__schema".equals(field.getName()) || "__type".equals(field.getName());
					shape = new QueryShape(introspection ? 1 : 1 + children.depth(),
							children.aliases() + (field.getAlias() != null ? 1 : 0));
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
				aliases = (Long.MAX_VALUE - aliases < shape.aliases()) ? Long.MAX_VALUE : aliases + shape.aliases();
			}
			return new QueryShape(depth, aliases);
		}

		private QueryShape fragment(String name) {
			QueryShape shape = this.known.get(name);
			if (shape != null) {
				return shape;
			}
			FragmentDefinition definition = this.fragments.get(name);
			if (definition == null || !this.entered.add(name)) {
				// unknown or cyclic: validation reports it
				return new QueryShape(0, 0);
			}
			shape = shape(definition.getSelectionSet());
			this.known.put(name, shape);
			return shape;
		}

	}

}
