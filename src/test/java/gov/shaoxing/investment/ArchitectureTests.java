package gov.shaoxing.investment;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules, stated once for every package, present and future: features are free
 * of cycles; the shared code ({@code common}, {@code store}) knows no feature; the read
 * side ({@code supervision}), {@code seed} and {@code node} are leaves that nothing else
 * depends on.
 */
class ArchitectureTests {

	private static final String ROOT = "gov.shaoxing.investment";

	private static final String[] SHARED = { ROOT + ".common..", ROOT + ".store.." };

	/** Any package of the service but the shared ones, the application class included. */
	private static final DescribedPredicate<JavaClass> FEATURE = resideInAPackage(ROOT + "..")
		.and(resideOutsideOfPackages(SHARED))
		.as("a feature (any package but common and store)");

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void sharedCodeDependsOnNoFeature() {
		noClasses().that().resideInAnyPackage(SHARED).should().dependOnClassesThat(FEATURE).check(CLASSES);
	}

	@ParameterizedTest
	@ValueSource(strings = { "supervision", "seed", "node" })
	void leavesHaveNoDependents(String leaf) {
		String inLeaf = ROOT + "." + leaf + "..";
		noClasses().that()
			.resideOutsideOfPackages(inLeaf)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(inLeaf)
			.check(CLASSES);
	}

}
