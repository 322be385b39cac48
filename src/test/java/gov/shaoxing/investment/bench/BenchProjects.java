package gov.shaoxing.investment.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import gov.shaoxing.investment.project.Project;

/**
 * Synthetic projects cloned from the demo set, so that districts, departments, liaison
 * officials and the mix of categories and sizes stay those of the demo data while the
 * count grows. Deterministic for a given seed.
 */
final class BenchProjects {

	private BenchProjects() {
	}

	/**
	 * {@code count} projects coded {@code BENCH-00001}... cloned round-robin from
	 * {@code demo}.
	 */
	static List<Project> cloneOf(List<Project> demo, int count, long seed) {
		if (demo.isEmpty()) {
			throw new IllegalStateException("No demo projects to clone: the seed did not load.");
		}
		List<Project> templates = demo.stream().sorted(Comparator.comparing(Project::code)).toList();
		SplittableRandom random = new SplittableRandom(seed);
		List<Project> projects = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			Project t = templates.get((i - 1) % templates.size());
			// Amounts within ±25% of the template keep the demo's size bands while making
			// the data less uniform.
			double factor = 0.75 + random.nextDouble() * 0.5;
			Project.Location location = (t.location() != null)
					? new Project.Location(t.location().latitude() + jitter(random),
							t.location().longitude() + jitter(random), t.location().address())
					: null;
			projects.add(new Project(code(i), t.category(), t.name().replace("(演示)", "") + " #" + i + "(演示)",
					t.districtCode(), t.leadDepartmentCode(), t.coDepartmentCodes(), t.ownerEnterprise(),
					scaled(t.totalInvestment(), factor), scaled(t.plannedInvestment(), factor), t.strategicEmerging(),
					t.techUpgradePlan(), t.status(), t.plannedStart(), t.plannedFinish(), location, null, t.liaison(),
					t.year(), true));
		}
		return projects;
	}

	static String code(int i) {
		return String.format("BENCH-%05d", i);
	}

	private static BigDecimal scaled(BigDecimal amount, double factor) {
		return (amount != null) ? amount.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP) : null;
	}

	private static double jitter(SplittableRandom random) {
		return (random.nextDouble() - 0.5) * 0.02;
	}

}
