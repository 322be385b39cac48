package gov.shaoxing.investment.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.progress.FixedClockConfig;
import gov.shaoxing.investment.security.TokenIssuer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city starts from an empty database: the plan comes from the seed (no demo projects),
 * its officials are added, 1,000 projects come in from an .xlsx with their liaisons and
 * monthly curves, a 台账 of half-monthly reports follows, and the bulletin and an Excel
 * export reflect them. Today is 20 June 2012; the May bulletin is judged on 31 May.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.seed.demo=classpath:seed/no-demo-set.json",
				"investment.supervision.light-sweep-initial-delay=PT1H",
				"investment.notices.sweep-initial-delay=PT1H" })
@Import(FixedClockConfig.class)
class CityOnboardingTests {

	private static final int PROJECTS = 1000;

	/** Service projects reported on: every fifth project. */
	private static final int REPORTED_EVERY = 5;

	private static final String[] DISTRICTS = { "SX_COUNTY", "ZHUJI", "SHANGYU", "SHENGZHOU", "XINCHANG", "YUECHENG",
			"HIGH_TECH_ZONE", "PAOJIANG", "JINGHU", "BINHAI", "CITY_DIRECT" };

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Test
	@SuppressWarnings("unchecked")
	void aCityPutsItsOwnProjectsInAndTheBulletinAndExportShowThem() throws Exception {
		ImportClient admin = new ImportClient(this.port, TestSecurity.adminToken(this.issuer));
		Map<String, Object> empty = admin.graphQl("{ projects(first: 0) { totalCount } districts { code } }", Map.of());
		assertThat(((Map<String, Object>) empty.get("projects")).get("totalCount")).isEqualTo(0);
		assertThat((List<?>) empty.get("districts")).hasSize(11);

		String leader = official(admin, "王市长", "副市长", "SZF", true);
		String cadre = official(admin, "李处长", "处长", "JXW", false);

		// 1,000 projects: every third industrial, the rest service; every other one
		// front-loaded
		Map<String, BigDecimal> reportedByDistrict = new HashMap<>();
		Map<String, Integer> bigIndustrialByDistrict = new HashMap<>();
		List<String> keys = new ArrayList<>(List.of("code", "name", "category", "districtCode", "leadDepartmentCode",
				"totalInvestment", "plannedInvestment", "status", "plannedStart", "liaisonCityLeader",
				"liaisonDepartment", "liaisonCadre"));
		for (int m = 1; m <= 12; m++) {
			keys.add(String.format("plannedMonthly%02d", m));
		}
		byte[] projectFile;
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet("项目");
			Row header = sheet.createRow(0);
			for (int i = 0; i < keys.size(); i++) {
				header.createCell(i).setCellValue(keys.get(i));
			}
			for (int n = 1; n <= PROJECTS; n++) {
				String district = DISTRICTS[n % DISTRICTS.length];
				boolean industrial = n % 3 == 0;
				int total = industrial ? 5 + n % 20 : 2 + n % 4;
				Row row = sheet.createRow(n);
				List<Object> values = new ArrayList<>(List.of(code(n), "城市项目" + n, industrial ? "工业" : "服务业", district,
						"JXW", (double) total, "1.2", "在建", "2012-01-01", leader, "JXW", cadre));
				for (int m = 1; m <= 12; m++) {
					// 1.2 亿 over the year: evenly (0.1), or all of it by the end of April
					// (0.3)
					values.add(n % 2 == 0 ? "0.1" : (m <= 4 ? "0.3" : "0"));
				}
				for (int i = 0; i < values.size(); i++) {
					if (values.get(i) instanceof Double d) {
						row.createCell(i).setCellValue(d);
					}
					else {
						row.createCell(i).setCellValue((String) values.get(i));
					}
				}
				if (industrial && total >= 5) {
					bigIndustrialByDistrict.merge(district, 1, Integer::sum);
				}
			}
			projectFile = bytes(workbook);
		}
		Map<String, Object> projects = admin.run("/imports/projects", projectFile, "项目库.xlsx", false);
		assertThat(ImportClient.errors(projects)).isEmpty();
		assertThat(projects.get("created")).isEqualTo(PROJECTS);

		// the 台账: for every fifth (service) project, reports in January, March and May
		// adding up to 0.5 亿 by the end of May (the light reads the cumulative sum and
		// the
		// last period reported)
		String[][] periods = { { "1", "1", "0.1", "10" }, { "3", "2", "0.2", "25" }, { "5", "2", "0.2", "40" } };
		byte[] reportFile;
		int reportRows = 0;
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet("台账");
			String[] reportKeys = { "projectCode", "year", "month", "half", "investmentCompleted",
					"physicalProgressPercent" };
			Row header = sheet.createRow(0);
			for (int i = 0; i < reportKeys.length; i++) {
				header.createCell(i).setCellValue(reportKeys[i]);
			}
			for (int n = REPORTED_EVERY; n <= PROJECTS; n += REPORTED_EVERY) {
				if (n % 3 == 0) {
					continue;
				}
				for (String[] period : periods) {
					Row row = sheet.createRow(++reportRows);
					row.createCell(0).setCellValue(code(n));
					row.createCell(1).setCellValue(2012);
					row.createCell(2).setCellValue(Integer.parseInt(period[0]));
					row.createCell(3).setCellValue(Integer.parseInt(period[1]));
					row.createCell(4).setCellValue(period[2]);
					row.createCell(5).setCellValue(Integer.parseInt(period[3]));
					reportedByDistrict.merge(DISTRICTS[n % DISTRICTS.length], new BigDecimal(period[2]),
							BigDecimal::add);
				}
			}
			reportFile = bytes(workbook);
		}
		Map<String, Object> reports = admin.run("/imports/progress-reports", reportFile, "台账.xlsx", false);
		assertThat(ImportClient.errors(reports)).isEmpty();
		assertThat(reports.get("created")).isEqualTo(reportRows);
		assertThat(reports.get("failed")).isEqualTo(0);

		// a project reads back with its curve and its liaison
		Map<String, Object> record = (Map<String, Object>) admin
			.graphQl("{ projectByCode(code: \"" + code(1) + "\") { demo plannedMonthly plannedMonthlyEven "
					+ "liaison { cityLeader { code } department { code } cadre { code } } "
					+ "liaisonHistory { liaison { cadre { code } } until } } }", Map.of())
			.get("projectByCode");
		assertThat(record.get("demo")).isEqualTo(false);
		assertThat(record.get("plannedMonthlyEven")).isEqualTo(false);
		assertThat(((List<Object>) record.get("plannedMonthly")).stream().map((v) -> new BigDecimal(v.toString())))
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("0.3"), new BigDecimal("0.3"), new BigDecimal("0.3"), new BigDecimal("0.3"),
					BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
					BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
		Map<String, Object> liaison = (Map<String, Object>) record.get("liaison");
		assertThat(((Map<String, Object>) liaison.get("cityLeader")).get("code")).isEqualTo(leader);
		assertThat(((Map<String, Object>) liaison.get("department")).get("code")).isEqualTo("JXW");
		assertThat(((Map<String, Object>) liaison.get("cadre")).get("code")).isEqualTo(cadre);
		assertThat((List<Map<String, Object>>) record.get("liaisonHistory")).singleElement()
			.satisfies((h) -> assertThat(h.get("until")).isNull());

		// the bulletin counts the imported projects and sums the reported investment
		Map<String, Object> bulletin = (Map<String, Object>) admin
			.graphQl("{ bulletin(year: 2012, month: 5) { "
					+ "districts { district { code } indicators { indicator actual } } "
					+ "redProjects { project { code } reasons } } }", Map.of())
			.get("bulletin");
		// indicator → district → actual, for every indicator a district is assessed on (a
		// listed indicator without an actual is a missing figure and fails below)
		Map<String, Map<String, BigDecimal>> actuals = new HashMap<>();
		for (Map<String, Object> d : (List<Map<String, Object>>) bulletin.get("districts")) {
			String district = (String) ((Map<String, Object>) d.get("district")).get("code");
			for (Map<String, Object> i : (List<Map<String, Object>>) d.get("indicators")) {
				Object actual = i.get("actual");
				actuals.computeIfAbsent((String) i.get("indicator"), (k) -> new HashMap<>())
					.put(district, actual == null ? null : new BigDecimal(actual.toString()));
			}
		}
		Map<String, BigDecimal> bigIndustrial = actuals.get("INDUSTRIAL_PROJECTS_OVER_500M");
		assertThat(bigIndustrial).isNotEmpty();
		bigIndustrial.forEach((district, actual) -> assertThat(actual).as(district)
			.isEqualByComparingTo(BigDecimal.valueOf(bigIndustrialByDistrict.getOrDefault(district, 0))));
		Map<String, BigDecimal> service = actuals.get("SERVICE_INVESTMENT");
		assertThat(service).isNotEmpty();
		service.forEach((district, actual) -> assertThat(actual).as(district)
			.isEqualByComparingTo(reportedByDistrict.getOrDefault(district, BigDecimal.ZERO)));
		assertThat(reportedByDistrict).isNotEmpty();
		// unreported projects are red for missing reports; a reported one on an even
		// curve is
		// not; one whose curve put everything before May is red for investment behind it
		List<Map<String, Object>> red = (List<Map<String, Object>>) bulletin.get("redProjects");
		Map<String, List<String>> reasons = new HashMap<>();
		red.forEach((p) -> reasons.put((String) ((Map<String, Object>) p.get("project")).get("code"),
				(List<String>) p.get("reasons")));
		assertThat(reasons.get(code(1))).anySatisfy((r) -> assertThat(r).startsWith("REPORTS_MISSING"));
		assertThat(reasons).doesNotContainKey(code(10));
		assertThat(reasons.get(code(5))).singleElement()
			.satisfies((r) -> assertThat(r).startsWith("INVESTMENT_BEHIND: 42%"));

		// the Excel export carries the curves and liaisons as imported
		EntityExchangeResult<byte[]> export = admin
			.download("/exports/projects.xlsx?filter=" + URLEncoder.encode("{\"demo\":false}", StandardCharsets.UTF_8));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getResponseBody()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1 + PROJECTS);
			List<String> exportKeys = new ArrayList<>();
			sheet.getRow(1).forEach((c) -> exportKeys.add(c.getStringCellValue()));
			Row first = sheet.getRow(2);
			assertThat(first.getCell(exportKeys.indexOf("code")).getStringCellValue()).isEqualTo(code(1));
			assertThat(first.getCell(exportKeys.indexOf("plannedMonthly01")).getNumericCellValue()).isEqualTo(0.3);
			assertThat(first.getCell(exportKeys.indexOf("plannedMonthly12")).getNumericCellValue()).isEqualTo(0.0);
			assertThat(first.getCell(exportKeys.indexOf("liaisonCadre")).getStringCellValue()).isEqualTo(cadre);
		}
		// and the bulletin's workbook shows the same figures
		EntityExchangeResult<byte[]> sheetFile = admin.download("/exports/bulletins/2012-5.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheetFile.getResponseBody()))) {
			assertThat(workbook.getSheet("红灯项目").getLastRowNum()).isEqualTo(red.size());
		}
	}

	private static String code(int n) {
		return String.format("CITY-%04d", n);
	}

	@SuppressWarnings("unchecked")
	private static String official(ImportClient admin, String name, String title, String department,
			boolean cityLeader) {
		Map<String, Object> payload = (Map<String, Object>) admin
			.graphQl(
					"mutation($i: CreateOfficialInput!) { createOfficial(input: $i) { official { code } "
							+ "errors { code } } }",
					Map.of("i",
							Map.of("name", name, "title", title, "departmentCode", department, "cityLeader", cityLeader,
									"mobile", "13905750000")))
			.get("createOfficial");
		assertThat((List<?>) payload.get("errors")).isEmpty();
		return (String) ((Map<String, Object>) payload.get("official")).get("code");
	}

	private static byte[] bytes(SXSSFWorkbook workbook) throws IOException {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
	}

}
