package gov.shaoxing.investment.project;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NationalProjectCodeTests {

	@Test
	void acceptsTheTwentyFourCharacterForm() {
		assertThat(NationalProjectCode.isValid("2012-330681-26-03-000123")).isTrue();
	}

	@Test
	void rejectsWrongLengthsLettersAndMissingDashes() {
		assertThat(NationalProjectCode.isValid("2012-33068-26-03-000123")).isFalse();
		assertThat(NationalProjectCode.isValid("2012-330681-26-03-00012A")).isFalse();
		assertThat(NationalProjectCode.isValid("201233068126030001230000")).isFalse();
		assertThat(NationalProjectCode.isValid(null)).isFalse();
	}

}
