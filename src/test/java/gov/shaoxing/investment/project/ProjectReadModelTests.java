package gov.shaoxing.investment.project;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.store.BulkReads;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The read model holds every change as soon as it is handed over, whether a read asks for
 * one project or the whole index, and a re-read that raced a newer save never undoes it.
 */
class ProjectReadModelTests {

	private final MongoTemplate store = mock(MongoTemplate.class);

	private final ProjectReadModel model = model();

	private ProjectReadModel model() {
		DistrictService districts = mock(DistrictService.class);
		when(districts.planOrder()).thenReturn((code) -> 0);
		when(this.store.findAll(Project.class)).thenReturn(new ArrayList<>(
				List.of(ProjectFixtures.industrialProject("A", "5"), ProjectFixtures.industrialProject("B", "6"))));
		BulkReads bulk = mock(BulkReads.class);
		when(bulk.template()).thenReturn(this.store);
		return new ProjectReadModel(bulk, districts);
	}

	@Test
	void aSavedProjectIsReadBackAtOnceByCodeAndInTheIndex() {
		this.model.index();
		Project changed = ProjectFixtures.industrialProject("A", "9");
		this.model.saved(List.of(changed, ProjectFixtures.industrialProject("C", "1")));

		assertThat(this.model.byCode("A")).isEqualTo(changed);
		assertThat(this.model.byCode("C")).isNotNull();
		assertThat(this.model.index().all()).extracting(Project::code).containsExactlyInAnyOrder("A", "B", "C");
		assertThat(this.model.index().byCode("A").totalInvestment()).isEqualByComparingTo("9");
	}

	@Test
	void manySavesBetweenReadsAllArrive() {
		this.model.index();
		IntStream.range(0, 500)
			.forEach((i) -> this.model
				.saved(List.of(ProjectFixtures.industrialProject(String.format("N-%03d", i), String.valueOf(i + 1)))));

		ProjectIndex index = this.model.index();
		assertThat(index.size()).isEqualTo(502);
		assertThat(index.byCode("N-499").totalInvestment()).isEqualByComparingTo("500");
		assertThat(this.model.index()).as("no change since: the same snapshot").isSameAs(index);
	}

	@Test
	void aProjectGoneFromTheStoreLeavesTheIndexOnRefresh() {
		this.model.index();
		this.model.refresh("B", (code) -> null);

		assertThat(this.model.byCode("B")).isNull();
		assertThat(this.model.index().all()).extracting(Project::code).containsExactly("A");
	}

	@Test
	void aStaleReReadNeverOverwritesANewerSave() {
		this.model.index();
		Project stale = ProjectFixtures.industrialProject("A", "7");
		Project newer = ProjectFixtures.industrialProject("A", "8");
		List<Project> loads = new ArrayList<>();
		this.model.refresh("A", (code) -> {
			// a local save lands while the store is being read: the read is taken again
			if (loads.isEmpty()) {
				this.model.saved(List.of(newer));
				loads.add(stale);
				return stale;
			}
			loads.add(newer);
			return newer;
		});

		assertThat(loads).hasSize(2);
		assertThat(this.model.byCode("A")).isEqualTo(newer);
		assertThat(this.model.index().byCode("A")).isEqualTo(newer);
	}

	@Test
	void changesBeforeTheFirstLoadAreLeftToTheLoad() {
		this.model.saved(List.of(ProjectFixtures.industrialProject("Z", "1")));

		assertThat(this.model.index().all()).extracting(Project::code).containsExactlyInAnyOrder("A", "B");
	}

}
