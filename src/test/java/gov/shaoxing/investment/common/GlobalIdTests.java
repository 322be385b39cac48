package gov.shaoxing.investment.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobalIdTests {

	@Test
	void roundTripsTypeAndKey() {
		String id = GlobalId.encode("Project", "DEMO-IND-001");
		assertThat(id).doesNotContain("Project");
		assertThat(GlobalId.decode(id)).isEqualTo(new GlobalId("Project", "DEMO-IND-001"));
	}

	@Test
	void rejectsGarbageWithInvalidId() {
		assertThatThrownBy(() -> GlobalId.decode("%%%")).isInstanceOfSatisfying(ApiException.class,
				(e) -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID));
		assertThatThrownBy(() -> GlobalId.decode(GlobalId.encode("Project", "{$where: 1}")))
			.isInstanceOf(ApiException.class);
	}

	@Test
	void rejectsAnIdOfAnotherType() {
		String district = GlobalId.encode("District", "ZHUJI");
		assertThatThrownBy(() -> GlobalId.keyOf(district, "Project")).isInstanceOfSatisfying(ApiException.class,
				(e) -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID));
	}

}
