package gov.shaoxing.investment.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Date, DateTime, Long and Decimal (money as exact decimals, never floating point), each
 * printed one way: decimals plain without trailing zeros, instants in one offset. The
 * output side is extended-scalars'; every input is checked by {@link InputScalars}.
 */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars(@Value("${investment.time-zone:Asia/Shanghai}") ZoneId zone) {
		GraphQLScalarType decimal = ExtendedScalars.newAliasedScalar("Decimal")
			.aliasedScalar(ExtendedScalars.GraphQLBigDecimal)
			.description("An exact decimal number, sent as a JSON number or string and printed as a plain JSON "
					+ "number without trailing zeros; money is in the unit its field names. At most 34 significant "
					+ "digits, as the store keeps.")
			.build();
		return (wiring) -> wiring
			.scalar(checked(ExtendedScalars.Date, Function.identity(), InputScalars::date, InputScalars::dateLiteral))
			.scalar(checked(ExtendedScalars.DateTime, (value) -> inZone(value, zone), InputScalars::dateTime,
					InputScalars::dateTimeLiteral))
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(ExtendedScalars.Json)
			.scalar(checked(decimal, (value) -> (value instanceof BigDecimal number) ? plain(number) : value,
					InputScalars::decimal, InputScalars::decimalLiteral));
	}

	/**
	 * A decimal in plain notation with no trailing zeros ({@code 14}, {@code 0.5},
	 * {@code 98000}), whatever scale the value was stored with.
	 */
	static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	/**
	 * Every instant shown in one offset: {@code investment.time-zone}, Shaoxing's
	 * (+08:00) unless configured. Stored {@link Instant}s are accepted too.
	 */
	private static Object inZone(Object value, ZoneId zone) {
		if (value instanceof Instant instant) {
			return instant.atZone(zone).toOffsetDateTime();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.atZoneSameInstant(zone).toOffsetDateTime();
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.withZoneSameInstant(zone).toOffsetDateTime();
		}
		return value;
	}

	/**
	 * The scalar with its output as before (after {@code toOutput}) and its inputs
	 * coerced by the given checks.
	 */
	@SuppressWarnings("unchecked")
	private static GraphQLScalarType checked(GraphQLScalarType scalar, Function<Object, Object> toOutput,
			Function<Object, Object> parseValue, Function<graphql.language.Value<?>, Object> parseLiteral) {
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
			public Object parseLiteral(graphql.language.Value<?> input, CoercedVariables variables,
					GraphQLContext context, Locale locale) throws CoercingParseLiteralException {
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
			public graphql.language.Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
				return delegate.valueToLiteral(input, context, locale);
			}

		}).build();
	}

}
