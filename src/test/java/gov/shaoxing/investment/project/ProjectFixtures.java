package gov.shaoxing.investment.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Projects for unit tests. */
final class ProjectFixtures {

	private ProjectFixtures() {
	}

	static Project industrialProject(String code, String total) {
		return project(code, ProjectCategory.INDUSTRIAL, "ZHUJI", total, "测试项目" + code, 29.71, 120.24);
	}

	static Project project(String code, ProjectCategory category, String district, String total, String name,
			double latitude, double longitude) {
		return new Project(code, category, name, district, "JXW", List.of("GTJ"), "测试有限公司", new BigDecimal(total),
				new BigDecimal(total).divide(BigDecimal.TEN), false, false, ProjectStatus.UNDER_CONSTRUCTION,
				LocalDate.of(2012, 1, 1), LocalDate.of(2014, 1, 1), new Project.Location(latitude, longitude, "测试地址"),
				null, new Project.Liaison("OFF-SZF-01", "JXW", "OFF-JXW-01"), 2012, true);
	}

}
