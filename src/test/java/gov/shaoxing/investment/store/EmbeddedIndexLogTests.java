package gov.shaoxing.investment.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ensuring the indexes on the embedded store logs one INFO line that sums up the
 * non-unique indexes it ignores, instead of one warning for each.
 */
@SpringBootTest(properties = "investment.store.mode=memory")
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedIndexLogTests {

	@Autowired
	IndexInitializer indexes;

	@Test
	void ignoredIndexesAreSummedUpInOneInfoLine(CapturedOutput output) {
		this.indexes.start();
		assertThat(output.getOut())
			.containsPattern("INFO .* Store: \\d+ indexes ensured; the embedded store ignores the \\d+ non-unique ones")
			.doesNotContain("is not yet implemented. ignoring");
	}

}
