package gov.shaoxing.investment.common;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Date, DateTime, Long and Decimal (money as exact decimals, never floating point). The
 * output side is extended-scalars'; every input is checked by {@link InputScalars}.
 */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

	private static final ZoneId SHAOXING = ZoneId.of("Asia/Shanghai");

	@Bean
	RuntimeWiringConfigurer scalars() {
		GraphQLScalarType decimal = ExtendedScalars.newAliasedScalar("Decimal")
			.aliasedScalar(ExtendedScalars.GraphQLBigDecimal)
			.description("An exact decimal number, sent as a JSON number or string; money is in the unit its field "
					+ "names. At most 34 significant digits, as the store keeps.")
			.build();
		return (wiring) -> wiring
			.scalar(checked(ExtendedScalars.Date, Function.identity(), InputScalars::date, InputScalars::dateLiteral))
			.scalar(checked(ExtendedScalars.DateTime,
					(value) -> (value instanceof Instant instant) ? instant.atZone(SHAOXING).toOffsetDateTime() : value,
					InputScalars::dateTime, InputScalars::dateTimeLiteral))
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(ExtendedScalars.Json)
			.scalar(checked(decimal, Function.identity(), InputScalars::decimal, InputScalars::decimalLiteral));
	}

	/**
	 * The scalar with its output as before (after {@code toOutput}) and its inputs
	 * coerced by the given checks.
	 */
	@SuppressWarnings("unchecked")
	private static GraphQLScalarType checked(GraphQLScalarType scalar, Function<Object, Object> toOutput,
			Function<Object, Object> parseValue, Function<Value<?>, Object> parseLiteral) {
		Coercing<Object, Object> delegate = (Coercing<Object, Object>) scalar.getCoercing();
		return GraphQLScalarType.newScalar(scalar).coercing(new Coercing<Object, Object>() {

			@Override
			public Object serialize(Object value, GraphQLContext context, Locale locale)
					throws CoercingSerializeException {
				return delegate.serialize(toOutput.apply(value), context, locale);
			}

			@Override
			public Object parseValue(Object input, GraphQLContext context, Locale locale)
					throws CoercingParseValueException {
				return parseValue.apply(input);
			}

			@Override
			public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) throws CoercingParseLiteralException {
				try {
					return parseLiteral.apply(input);
				}
				catch (CoercingParseValueException ex) {
					throw CoercingParseLiteralException.newCoercingParseLiteralException()
						.message(ex.getMessage())
						.extensions(ex.getExtensions())
						.build();
				}
			}

			@Override
			public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
				return delegate.valueToLiteral(input, context, locale);
			}

		}).build();
	}

}
