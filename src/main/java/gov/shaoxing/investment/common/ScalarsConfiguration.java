package gov.shaoxing.investment.common;

import graphql.scalars.ExtendedScalars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Date, DateTime, Long and Decimal (money as exact decimals, never floating point). */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(ExtendedScalars.Date)
			.scalar(ExtendedScalars.DateTime)
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(ExtendedScalars.newAliasedScalar("Decimal")
				.aliasedScalar(ExtendedScalars.GraphQLBigDecimal)
				.description("An exact decimal number, sent as a JSON number or string; money is in the unit its field names.")
				.build());
	}

}
