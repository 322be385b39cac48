package gov.shaoxing.investment;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Feature packages stay free of cycles; shared code knows no feature; seed and node are
 * leaves.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("gov.shaoxing.investment");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("gov.shaoxing.investment.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void commonCodeDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("..investment.common..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..investment.district..", "..investment.department..", "..investment.official..",
					"..investment.project..", "..investment.targets..", "..investment.measure..", "..investment.seed..",
					"..investment.node..")
			.check(this.classes);
	}

	@Test
	void seedAndNodeAreLeaves() {
		noClasses().that()
			.resideOutsideOfPackages("..investment.seed..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..investment.seed..")
			.check(this.classes);
		noClasses().that()
			.resideOutsideOfPackages("..investment.node..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..investment.node..")
			.check(this.classes);
	}

}
