package gov.shaoxing.investment.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * graphql-java's messages quote syntax nodes and Java classes; a client sees what it sent
 * instead.
 */
class EngineErrorsTests {

	@Test
	void anEnumValueNodeBecomesTheNameTheClientSent() {
		String cleaned = EngineErrors.javaFree("Validation error (WrongType@[targets]) : argument 'indicator' is not a"
				+ " valid 'Indicator' - Literal value not in allowable values for enum 'Indicator' -"
				+ " 'EnumValue{name='NOT_A_VALUE'}'");
		assertThat(cleaned).doesNotContain("EnumValue", "{", "}")
			.endsWith("Literal value not in allowable values for enum 'Indicator' - 'NOT_A_VALUE'");
	}

	@Test
	void nestedNodesBecomeTheKindOfValue() {
		String cleaned = EngineErrors.javaFree("Expected type 'Int' but was"
				+ " ObjectValue{objectFields=[ObjectField{name='a', value=ArrayValue{values=[IntValue{value=1}]}}]}.");
		assertThat(cleaned).isEqualTo("Expected type 'Int' but was an object.");
	}

	@Test
	void scalarNodesShowTheirTextAndBracesInsideQuotesDoNotConfuse() {
		assertThat(EngineErrors.javaFree("got StringValue{value='a}b'} here")).isEqualTo("got \"a}b\" here");
		assertThat(EngineErrors.javaFree("got IntValue{value=12}")).isEqualTo("got 12");
		assertThat(EngineErrors.javaFree("got NullValue{}")).isEqualTo("got null");
	}

	@Test
	void anUnclosedNodeIsCutRatherThanShown() {
		assertThat(EngineErrors.javaFree("value ArrayValue{values=[")).isEqualTo("value a list");
	}

}
