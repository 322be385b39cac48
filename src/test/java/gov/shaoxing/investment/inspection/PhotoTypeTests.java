package gov.shaoxing.investment.inspection;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Which files count as photos, and which upload limits the service agrees to start with.
 */
class PhotoTypeTests {

	@Test
	void photosAreRecognisedByTheirFirstBytes() {
		assertThat(PhotoType.detect(InspectionFixtures.jpeg(64))).contains(PhotoType.JPEG);
		assertThat(PhotoType.detect(InspectionFixtures.png(64))).contains(PhotoType.PNG);
		assertThat(PhotoType.detect(InspectionFixtures.webp(64))).contains(PhotoType.WEBP);
	}

	@Test
	void otherFilesAreNotPhotosWhateverTheirName() {
		assertThat(PhotoType.detect("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(PhotoType.detect("RIFF....WAVE".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(PhotoType.detect(InspectionFixtures.text())).isEmpty();
		assertThat(PhotoType.detect(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isEmpty();
		assertThat(PhotoType.detect(new byte[0])).isEmpty();
	}

	@Test
	void theServiceRefusesToStartWhenTheContainerWouldCutPhotosShort() {
		DataSize five = DataSize.ofMegabytes(5);
		assertThatNoException().isThrownBy(() -> PhotoController.checkAligned(five, five, DataSize.ofMegabytes(6)));
		assertThatNoException()
			.isThrownBy(() -> PhotoController.checkAligned(five, DataSize.ofBytes(-1), DataSize.ofBytes(-1)));
		assertThatIllegalStateException()
			.isThrownBy(() -> PhotoController.checkAligned(five, DataSize.ofMegabytes(1), DataSize.ofMegabytes(10)))
			.withMessageContaining("max-file-size");
		assertThatIllegalStateException().isThrownBy(() -> PhotoController.checkAligned(five, five, five))
			.withMessageContaining("max-request-size");
	}

}
