package gov.shaoxing.investment.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cursor the service issued pages on; an edited or foreign one is INVALID_CURSOR. */
class PagingCursorTests {

	static final CursorStrategy<ScrollPosition> STRATEGY = CursorStrategy
		.withEncoder(new ScrollPositionCursorStrategy(), CursorEncoder.base64());

	static Paging paging(String key) {
		return new Paging(STRATEGY, new PagingProperties(null, null, key),
				new CursorSigner(() -> key.getBytes(StandardCharsets.UTF_8)));
	}

	final Paging paging = paging("deployment key");

	static void assertInvalid(Paging paging, String cursor) {
		assertThatThrownBy(() -> paging.request(10, cursor).afterString("id")).isInstanceOfSatisfying(
				ApiException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
	}

	@Test
	void aCursorItIssuedPagesFromItsPosition() {
		String cursor = this.paging.cursor(Map.of("id", "6650c3a1"));
		assertThat(this.paging.request(10, cursor).afterString("id")).isEqualTo("6650c3a1");
	}

	@Test
	void anEditedCursorIsRefused() {
		String cursor = this.paging.cursor(Map.of("id", "6650c3a1"));
		String payload = cursor.substring(0, cursor.lastIndexOf('.'));
		String tag = cursor.substring(cursor.lastIndexOf('.'));
		// the same tag on another position, as a client editing the decoded cursor would
		// send
		String decoded = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
		String edited = Base64.getEncoder()
			.encodeToString(decoded.replace("6650c3a1", "0000c3a1").getBytes(StandardCharsets.UTF_8));
		assertThat(edited).isNotEqualTo(payload);
		assertInvalid(this.paging, edited + tag);
		// the position alone, as the service issued cursors before they were signed
		assertInvalid(this.paging, payload);
		assertInvalid(this.paging, payload + ".");
		assertInvalid(this.paging, payload + ".!!");
		assertInvalid(this.paging, "garbage");
	}

	@Test
	void aCursorSignedWithAnotherKeyIsRefused() {
		String foreign = paging("another deployment").cursor(Map.of("id", "6650c3a1"));
		assertInvalid(this.paging, foreign);
	}

	@Test
	void instancesSharingTheKeyAcceptEachOthersCursors() {
		String cursor = paging("deployment key").cursor(Map.of("id", "6650c3a1"));
		assertThat(this.paging.request(10, cursor).afterString("id")).isEqualTo("6650c3a1");
	}

}
