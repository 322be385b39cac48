package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import org.junit.jupiter.api.Test;

import static gov.shaoxing.investment.project.ProjectFixtures.industrialProject;
import static gov.shaoxing.investment.project.ProjectFixtures.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectFilterTests {

	private static ProjectFilter filter(BigDecimal min, BigDecimal max, String name, ProjectFilter.Near near) {
		return ProjectFilter.validated(new ProjectFilter(null, null, null, null, null, min, max, null, null, name, near,
				null, null, null, null, null, null, null, null));
	}

	@Test
	void investmentBoundsAreInclusive() {
		ProjectFilter fiveToTen = filter(new BigDecimal("5"), new BigDecimal("10"), null, null);
		assertThat(fiveToTen.test(industrialProject("A", "5.00"))).isTrue();
		assertThat(fiveToTen.test(industrialProject("B", "10.00"))).isTrue();
		assertThat(fiveToTen.test(industrialProject("C", "4.99"))).isFalse();
		assertThat(fiveToTen.test(industrialProject("D", "10.01"))).isFalse();
	}

	@Test
	void nameContainsIsALiteralSubstring() {
		Project dotted = project("A", ProjectCategory.SERVICE, "ZHUJI", "1", "物流.*中心", 29.7, 120.2);
		Project plain = project("B", ProjectCategory.SERVICE, "ZHUJI", "1", "物流仓储中心", 29.7, 120.2);
		ProjectFilter regexLooking = filter(null, null, ".*", null);
		assertThat(regexLooking.test(dotted)).isTrue();
		assertThat(regexLooking.test(plain)).isFalse();
		Pattern stored = Pattern.compile(ProjectService.literal("物流.*中心"));
		assertThat(stored.matcher("物流.*中心").matches()).isTrue();
		assertThat(stored.matcher("物流仓储中心").find()).isFalse();
	}

	@Test
	void nearKeepsOnlyProjectsWithinTheRadius() {
		ProjectFilter near = filter(null, null, null, new ProjectFilter.Near(30.0, 120.58, 2));
		assertThat(near.test(project("A", ProjectCategory.SERVICE, "YUECHENG", "1", "近", 30.01, 120.58))).isTrue();
		assertThat(near.test(project("B", ProjectCategory.SERVICE, "YUECHENG", "1", "远", 30.05, 120.58))).isFalse();
	}

	@Test
	void aNegativeRadiusIsRefused() {
		assertThatThrownBy(() -> filter(null, null, null, new ProjectFilter.Near(30, 120, -1))).isInstanceOfSatisfying(
				ApiException.class, (e) -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RADIUS));
	}

	@Test
	void theBoundingBoxContainsTheCircle() {
		double[] box = Geo.boundingBox(30, 120.5, 10);
		assertThat(Geo.distanceKm(30, 120.5, box[1], 120.5)).isGreaterThanOrEqualTo(9.99);
		assertThat(Geo.distanceKm(30, 120.5, 30, box[3])).isGreaterThanOrEqualTo(9.99);
	}

}
