package gov.shaoxing.investment.codes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.department.Department;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every district or department code given to a query or subscription, as an argument or
 * inside a filter, must name one: an unknown code is a {@code BAD_REQUEST} error
 * ({@code UNKNOWN_DISTRICT} / {@code UNKNOWN_DEPARTMENT}) with the closest valid codes in
 * {@code extensions.didYouMean}, instead of an empty answer. Mutations report unknown
 * codes in their payloads instead.
 */
@Configuration(proxyBeanMethods = false)
class CodeArguments {

	static final Set<String> DISTRICT_NAMES = Set.of("districtCode", "districtCodes");

	static final Set<String> DEPARTMENT_NAMES = Set.of("departmentCode", "departmentCodes", "leadDepartmentCodes");

	@Bean
	GraphQlSourceBuilderCustomizer codeArgumentsCheck(DistrictService districts, DepartmentService departments) {
		Checker checker = new Checker(districts, departments);
		return (builder) -> builder.typeVisitors(List.of(new Visitor(checker)));
	}

	/** The runtime check of one field's argument values. */
	static final class Checker {

		private final DistrictService districts;

		private final DepartmentService departments;

		Checker(DistrictService districts, DepartmentService departments) {
			this.districts = districts;
			this.departments = departments;
		}

		/**
		 * Throws for the first unknown code; a store not yet seeded has none to judge by.
		 */
		void check(Map<String, Object> arguments, String path) {
			for (Map.Entry<String, Object> entry : arguments.entrySet()) {
				String at = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
				Object value = entry.getValue();
				if (DISTRICT_NAMES.contains(entry.getKey()) && !this.districts.all().isEmpty()) {
					for (String code : codes(value)) {
						if (this.districts.byCode(code) == null) {
							throw unknown(ErrorCode.UNKNOWN_DISTRICT, at, code, districtNames());
						}
					}
				}
				else if (DEPARTMENT_NAMES.contains(entry.getKey())) {
					if (this.departments.all().isEmpty()) {
						// a store not yet seeded knows no codes to judge by
						continue;
					}
					for (String code : codes(value)) {
						if (this.departments.byCode(code) == null) {
							throw unknown(ErrorCode.UNKNOWN_DEPARTMENT, at, code, departmentNames());
						}
					}
				}
				else if (value instanceof Map<?, ?> nested) {
					@SuppressWarnings("unchecked")
					Map<String, Object> fields = (Map<String, Object>) nested;
					check(fields, at);
				}
			}
		}

		private Map<String, String> districtNames() {
			Map<String, String> names = new LinkedHashMap<>();
			for (District district : this.districts.all()) {
				names.put(district.code(), district.name());
			}
			return names;
		}

		private Map<String, String> departmentNames() {
			Map<String, String> names = new LinkedHashMap<>();
			for (Department department : this.departments.all()) {
				names.put(department.code(), department.name());
			}
			return names;
		}

		private static ApiException unknown(ErrorCode code, String field, String given, Map<String, String> names) {
			return new ApiException(code, field, given).with("didYouMean", Suggestions.closest(given, names));
		}

		private static List<String> codes(Object value) {
			if (value instanceof String code) {
				return List.of(code);
			}
			if (value instanceof Collection<?> many) {
				return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
			}
			return List.of();
		}

	}

	private static final class Visitor extends GraphQLTypeVisitorStub {

		private final Checker checker;

		Visitor(Checker checker) {
			this.checker = checker;
		}

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			if (!(context.getParentNode() instanceof GraphQLObjectType parent) || parent.getName().equals("Mutation")
					|| field.getArguments().stream().noneMatch((argument) -> takesCodes(argument, 0))) {
				return TraversalControl.CONTINUE;
			}
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			DataFetcher<?> original = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, (DataFetcher<Object>) (env) -> {
				this.checker.check(env.getArguments(), "");
				return original.get(env);
			});
			return TraversalControl.CONTINUE;
		}

		private static boolean takesCodes(GraphQLArgument argument, int depth) {
			return DISTRICT_NAMES.contains(argument.getName()) || DEPARTMENT_NAMES.contains(argument.getName())
					|| takesCodes(argument.getType(), depth);
		}

		private static boolean takesCodes(GraphQLInputType type, int depth) {
			if (depth > 3 || !(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType input)) {
				return false;
			}
			return input.getFieldDefinitions()
				.stream()
				.anyMatch((f) -> DISTRICT_NAMES.contains(f.getName()) || DEPARTMENT_NAMES.contains(f.getName())
						|| takesCodes(f.getType(), depth + 1));
		}

	}

}
