package gov.shaoxing.investment.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

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
 * Date, DateTime and Decimal (money as exact decimals, never floating point), each
 * printed one way: decimals plain without trailing zeros, instants in one offset.
 */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars(
			@org.springframework.beans.factory.annotation.Value("${investment.time-zone:Asia/Shanghai}") ZoneId zone) {
		return (wiring) -> wiring.scalar(ExtendedScalars.Date)
			.scalar(dateTime(zone))
			.scalar(ExtendedScalars.Json)
			.scalar(decimal());
	}

	/**
	 * A decimal in plain notation with no trailing zeros ({@code 14}, {@code 0.5},
	 * {@code 98000}), whatever scale the value was stored with.
	 */
	static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	@SuppressWarnings("unchecked")
	private static GraphQLScalarType decimal() {
		Coercing<BigDecimal, BigDecimal> delegate = (Coercing<BigDecimal, BigDecimal>) ExtendedScalars.GraphQLBigDecimal
			.getCoercing();
		return GraphQLScalarType.newScalar()
			.name("Decimal")
			.description("An exact decimal number, printed as a plain JSON number without trailing zeros.")
			.coercing(new Coercing<Object, BigDecimal>() {

				@Override
				public BigDecimal serialize(Object value, GraphQLContext context, Locale locale)
						throws CoercingSerializeException {
					return plain(delegate.serialize(value, context, locale));
				}

				@Override
				public Object parseValue(Object input, GraphQLContext context, Locale locale)
						throws CoercingParseValueException {
					return delegate.parseValue(input, context, locale);
				}

				@Override
				public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
						Locale locale) throws CoercingParseLiteralException {
					return delegate.parseLiteral(input, variables, context, locale);
				}

				@Override
				public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
					return delegate.valueToLiteral(input, context, locale);
				}

			})
			.build();
	}

	/**
	 * The extended-scalars DateTime, also accepting stored {@link Instant}s, every value
	 * shown in one offset: {@code investment.time-zone}, Shaoxing's (+08:00) unless
	 * configured.
	 */
	@SuppressWarnings("unchecked")
	private static GraphQLScalarType dateTime(ZoneId zone) {
		Coercing<OffsetDateTime, String> delegate = (Coercing<OffsetDateTime, String>) ExtendedScalars.DateTime
			.getCoercing();
		return GraphQLScalarType.newScalar(ExtendedScalars.DateTime).coercing(new Coercing<Object, String>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale)
					throws CoercingSerializeException {
				Object converted = value;
				if (value instanceof Instant instant) {
					converted = instant.atZone(zone).toOffsetDateTime();
				}
				else if (value instanceof OffsetDateTime offset) {
					converted = offset.atZoneSameInstant(zone).toOffsetDateTime();
				}
				else if (value instanceof ZonedDateTime zoned) {
					converted = zoned.withZoneSameInstant(zone).toOffsetDateTime();
				}
				return delegate.serialize(converted, context, locale);
			}

			@Override
			public Object parseValue(Object input, GraphQLContext context, Locale locale)
					throws CoercingParseValueException {
				return delegate.parseValue(input, context, locale);
			}

			@Override
			public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) throws CoercingParseLiteralException {
				return delegate.parseLiteral(input, variables, context, locale);
			}

			@Override
			public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
				return delegate.valueToLiteral(input, context, locale);
			}

		}).build();
	}

}
