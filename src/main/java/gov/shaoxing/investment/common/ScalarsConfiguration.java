package gov.shaoxing.investment.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

/** Date, DateTime, Long and Decimal (money as exact decimals, never floating point). */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

	private static final ZoneId SHAOXING = ZoneId.of("Asia/Shanghai");

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(ExtendedScalars.Date)
			.scalar(dateTime())
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(ExtendedScalars.Json)
			.scalar(ExtendedScalars.newAliasedScalar("Decimal")
				.aliasedScalar(ExtendedScalars.GraphQLBigDecimal)
				.description(
						"An exact decimal number, sent as a JSON number or string; money is in the unit its field names.")
				.build());
	}

	/**
	 * The extended-scalars DateTime, also accepting stored {@link Instant}s, shown in
	 * Shaoxing's offset (+08:00).
	 */
	@SuppressWarnings("unchecked")
	private static GraphQLScalarType dateTime() {
		Coercing<OffsetDateTime, String> delegate = (Coercing<OffsetDateTime, String>) ExtendedScalars.DateTime
			.getCoercing();
		return GraphQLScalarType.newScalar(ExtendedScalars.DateTime).coercing(new Coercing<Object, String>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale)
					throws CoercingSerializeException {
				Object converted = value instanceof Instant instant ? instant.atZone(SHAOXING).toOffsetDateTime()
						: value;
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
