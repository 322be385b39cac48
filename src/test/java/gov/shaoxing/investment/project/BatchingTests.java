package gov.shaoxing.investment.project;

import gov.shaoxing.investment.CommandCounter;
import gov.shaoxing.investment.StorePathTest;
import gov.shaoxing.investment.TestSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parent-to-child field costs one store query, whatever the number of parents: with
 * the read model off, a page of 100 projects with district, departments and liaison takes
 * the same queries as a page of 5.
 */
@StorePathTest
@ExtendWith(TestSecurity.SignedInAsAdmin.class)
class BatchingTests {

	@Autowired
	ExecutionGraphQlServiceTester graphQl;

	@Autowired
	CommandCounter counter;

	@Test
	void aPageOfProjectsWithTheirContactsTakesOneQueryPerField() {
		this.counter.reset();
		this.graphQl.documentName("projectsWithContacts")
			.variable("first", 100)
			.execute()
			.path("projects.nodes")
			.entityList(Object.class)
			.hasSize(100)
			.path("projects.nodes[*].liaison.cadre.name")
			.entityList(String.class)
			.hasSize(100);
		// projects; districts for the default plan-order sort and for Project.district;
		// leadDepartment,
		// coDepartments, liaison.department; liaison.cityLeader, liaison.cadre
		assertThat(this.counter.count("find projects")).isEqualTo(1);
		assertThat(this.counter.count("find districts")).isEqualTo(2);
		assertThat(this.counter.count("find departments")).isEqualTo(3);
		assertThat(this.counter.count("find officials")).isEqualTo(2);
		assertThat(this.counter.commands()).filteredOn((c) -> c.startsWith("find")).hasSize(8);
	}

	@Test
	void theNumberOfQueriesDoesNotGrowWithTheNumberOfProjects() {
		this.counter.reset();
		this.graphQl.documentName("projectsWithContacts")
			.variable("first", 5)
			.execute()
			.path("projects.nodes")
			.entityList(Object.class)
			.hasSize(5);
		long small = this.counter.commands().stream().filter((c) -> c.startsWith("find")).count();
		this.counter.reset();
		this.graphQl.documentName("projectsWithContacts")
			.variable("first", 100)
			.execute()
			.path("projects.nodes")
			.entityList(Object.class)
			.hasSize(100);
		long large = this.counter.commands().stream().filter((c) -> c.startsWith("find")).count();
		assertThat(large).isEqualTo(small);
	}

	@Test
	void districtsWithTheirTargetsAndProjectsTakeOneQueryPerField() {
		this.counter.reset();
		this.graphQl.documentName("districtsWithTargetsAndProjects")
			.execute()
			.path("districts")
			.entityList(Object.class)
			.hasSize(11);
		// the districts themselves, then the plan order once for sorting the targets and
		// once for the projects
		assertThat(this.counter.count("find districts")).isEqualTo(3);
		assertThat(this.counter.count("find targets")).isEqualTo(1);
		assertThat(this.counter.count("find projects")).isEqualTo(1);
		assertThat(this.counter.count("find departments")).isEqualTo(1);
	}

}
