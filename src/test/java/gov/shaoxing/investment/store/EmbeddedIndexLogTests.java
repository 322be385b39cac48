package gov.shaoxing.investment.store;

import gov.shaoxing.investment.InProcessTest;
import gov.shaoxing.investment.progress.ProgressReport;
import gov.shaoxing.investment.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ensuring the indexes on the embedded store logs one INFO line that sums up the
 * non-unique indexes it ignores, instead of one warning for each, and leaves only unique
 * ones there.
 */
@InProcessTest
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedIndexLogTests {

	@Autowired
	IndexInitializer indexes;

	@Autowired
	MongoTemplate mongo;

	@Test
	void ignoredIndexesAreSummedUpInOneInfoLine(CapturedOutput output) {
		this.indexes.start();
		assertThat(output.getOut())
			.containsPattern("INFO .* Store: \\d+ indexes ensured; the embedded store ignores the \\d+ non-unique ones")
			.doesNotContain("is not yet implemented. ignoring");
	}

	@Test
	void theEmbeddedStoreKeepsOnlyUniqueIndexesSoOpeningItReadsLess() {
		IndexOperations reports = this.mongo.indexOps(ProgressReport.class);
		// as an earlier version left it
		reports.createIndex(new Index("districtCode", Sort.Direction.ASC).named("district_old"));

		this.indexes.start();

		assertThat(reports.getIndexInfo()).extracting(IndexInfo::getName).doesNotContain("district_old");
		assertThat(reports.getIndexInfo())
			.allSatisfy((info) -> assertThat(info.isUnique() || info.getName().equals("_id_")).isTrue());
		assertThat(this.mongo.indexOps(Project.class).getIndexInfo()).extracting(IndexInfo::getName)
			.contains("nationalCode");
	}

}
