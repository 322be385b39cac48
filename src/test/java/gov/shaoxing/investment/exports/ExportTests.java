package gov.shaoxing.investment.exports;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import gov.shaoxing.investment.QuietServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.imports.ImportClient;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectFilter;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.security.TokenIssuer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analysts take filtered lists and the bulletin into Excel: what they download matches
 * the API, opens as the plan's tables, and imports again without changing anything.
 */
@QuietServiceTest
class ExportTests {

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	ProjectService projects;

	@Autowired
	MongoTemplate mongo;

	ImportClient admin;

	@BeforeEach
	void signIn() {
		this.admin = new ImportClient(this.port, TestSecurity.adminToken(this.issuer));
	}

	private static String query(String json) {
		return URLEncoder.encode(json, StandardCharsets.UTF_8);
	}

	private int count(String filter) {
		Map<String, Object> data = this.admin.graphQl(
				"query($f: ProjectFilter) { projects(filter: $f, first: 0) " + "{ totalCount } }",
				Map.of("f", filter == null ? Map.of() : Map.of("districtCodes", List.of(filter))));
		return (Integer) ((Map<?, ?>) data.get("projects")).get("totalCount");
	}

	@Test
	void aFilteredCsvHasTheChosenColumnsAndAChineseFileName() throws Exception {
		EntityExchangeResult<byte[]> csv = this.admin.download("/exports/projects.csv?filter="
				+ query("{\"districtCodes\":[\"ZHUJI\"]}") + "&fields=code,name,totalInvestment");
		assertThat(csv.getStatus().value()).as(new String(csv.getResponseBody(), StandardCharsets.UTF_8))
			.isEqualTo(200);
		assertThat(csv.getResponseHeaders().getFirst("Content-Disposition")).startsWith("attachment")
			.contains("filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E6%98%8E%E7%BB%86%E8%A1%A8.csv");
		String text = new String(csv.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\ufeff");
		List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
		assertThat(records.get(0).toList()).containsExactly("项目代码", "项目名称*", "总投资(亿元)*");
		assertThat(records.get(1).toList()).containsExactly("code", "name", "totalInvestment");
		assertThat(records).hasSize(2 + count("ZHUJI"));
		Project first = this.projects.byCode(records.get(2).get(0));
		assertThat(first.districtCode()).isEqualTo("ZHUJI");
		assertThat(new BigDecimal(records.get(2).get(2))).isEqualByComparingTo(first.totalInvestment());
	}

	@Test
	void jsonLinesHoldOneProjectEach() {
		EntityExchangeResult<byte[]> jsonl = this.admin
			.download("/exports/projects.jsonl?fields=code,plannedInvestment,plannedMonthly12");
		String[] lines = new String(jsonl.getResponseBody(), StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(count(null));
		assertThat(lines[0]).startsWith("{\"code\":\"DEMO-").contains("\"plannedInvestment\":");
	}

	@Test
	void badArgumentsAndAnonymousCallersAreRefusedBeforeAnyByte() {
		assertThat(new ImportClient(this.port, null).download("/exports/projects.xlsx").getStatus().value())
			.isEqualTo(401);
		assertThat(new ImportClient(this.port, null).download("/exports/bulletins/2012-9.xlsx").getStatus().value())
			.isEqualTo(401);
		EntityExchangeResult<byte[]> badFilter = this.admin
			.download("/exports/projects.csv?filter=" + query("{\"districtCode\":\"ZHUJI\"}"));
		assertThat(badFilter.getStatus().value()).isEqualTo(400);
		assertThat(new String(badFilter.getResponseBody(), StandardCharsets.UTF_8)).contains("INVALID_ARGUMENT");
		assertThat(this.admin.download("/exports/projects.csv?fields=code,secret").getStatus().value()).isEqualTo(400);
		assertThat(this.admin
			.download("/exports/projects.csv?filter=" + query("{\"minTotalInvestment\":9,\"maxTotalInvestment\":1}"))
			.getStatus()
			.value()).isEqualTo(400);
	}

	@Test
	void anExportImportedAgainChangesNothing() {
		EntityExchangeResult<byte[]> xlsx = this.admin.download("/exports/projects.xlsx");
		assertThat(xlsx.getStatus().value()).isEqualTo(200);
		int total = count(null);
		Map<String, Object> job = this.admin.run("/imports/projects", xlsx.getResponseBody(), "roundtrip.xlsx", false);
		assertThat(job.get("status")).isEqualTo("SUCCEEDED");
		assertThat(ImportClient.errors(job)).isEmpty();
		assertThat(job.get("unchanged")).isEqualTo(total);
		assertThat(job.get("created")).isEqualTo(0);
		assertThat(job.get("updated")).isEqualTo(0);
		EntityExchangeResult<byte[]> csv = this.admin.download("/exports/projects.csv");
		Map<String, Object> again = this.admin.run("/imports/projects", csv.getResponseBody(), "roundtrip.csv", false);
		assertThat(again.get("unchanged")).isEqualTo(total);
		assertThat(this.projects.all()).allSatisfy((p) -> assertThat(p.revision()).isZero());
	}

	@Test
	void anExportIsTakenAtOneMoment() {
		Project before = this.projects.byCode("DEMO-SVC-030");
		try (Stream<Project> export = this.projects.export(ProjectFilter.NONE)) {
			Project changed = before.toBuilder()
				.name("导出期间改名")
				.totalInvestment(before.totalInvestment().add(BigDecimal.ONE))
				.build();
			this.projects.saveAll(List.of(changed));
			Iterator<Project> it = export.iterator();
			Project seen = null;
			while (it.hasNext()) {
				Project p = it.next();
				if (p.code().equals(before.code())) {
					seen = p;
				}
			}
			// the record as a whole, before or after, never one field of each
			assertThat(seen).isIn(before, changed);
		}
		finally {
			this.projects.saveAll(List.of(before));
		}
	}

	@Test
	void theBulletinIsLaidOutLikeThePlansTables() throws Exception {
		EntityExchangeResult<byte[]> bulletin = this.admin.download("/exports/bulletins/2012-9.xlsx");
		assertThat(bulletin.getStatus().value()).isEqualTo(200);
		assertThat(bulletin.getResponseHeaders().getFirst("Content-Disposition")).contains("filename*=UTF-8''2012");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bulletin.getResponseBody()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("考核对象");
			Row heads = sheet.getRow(2);
			assertThat(List.of(heads.getCell(1).getStringCellValue(), heads.getCell(2).getStringCellValue(),
					heads.getCell(3).getStringCellValue(), heads.getCell(4).getStringCellValue()))
				.containsExactly("必保", "力争", "完成", "完成率");
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).contains("(");
			List<String> districts = new ArrayList<>();
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				districts.add(sheet.getRow(r).getCell(0).getStringCellValue());
			}
			assertThat(districts).hasSize(11).first().isEqualTo("绍兴县");
			assertThat(sheet.getMergedRegions()).isNotEmpty();
			assertThat(workbook.getSheet("红灯项目")).isNotNull();
		}
		assertThat(this.admin.download("/exports/quarterly-reports/2012-Q3.xlsx").getStatus().value()).isEqualTo(200);
		EntityExchangeResult<byte[]> ranking = this.admin.download("/exports/rankings/2012.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ranking.getResponseBody()))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1 + 11);
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(0).getNumericCellValue()).isEqualTo(1.0);
		}
	}

	@Test
	void theBulletinAsPublishedIsExportedOnceItHasBeenPublished() throws Exception {
		EntityExchangeResult<byte[]> unpublished = this.admin
			.download("/exports/bulletins/2012-7.xlsx?asPublished=true");
		assertThat(unpublished.getStatus().value()).isEqualTo(404);
		assertThat(new String(unpublished.getResponseBody(), StandardCharsets.UTF_8))
			.contains("BULLETIN_NOT_PUBLISHED");
		Map<String, Object> published = this.admin
			.graphQl("mutation { publishBulletin(year: 2012, month: 7) { errors { code } } }", Map.of());
		assertThat(published.toString()).contains("errors=[]");
		EntityExchangeResult<byte[]> frozen = this.admin.download("/exports/bulletins/2012-7.xlsx?asPublished=true");
		assertThat(frozen.getStatus().value()).isEqualTo(200);
		EntityExchangeResult<byte[]> live = this.admin.download("/exports/bulletins/2012-7.xlsx");
		try (XSSFWorkbook asPublished = new XSSFWorkbook(new ByteArrayInputStream(frozen.getResponseBody()));
				XSSFWorkbook now = new XSSFWorkbook(new ByteArrayInputStream(live.getResponseBody()))) {
			Sheet sheet = asPublished.getSheetAt(0);
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("绍兴县");
			// nothing was corrected since publishing: the frozen figures are today's
			assertThat(cells(sheet)).isEqualTo(cells(now.getSheetAt(0))).hasSizeGreaterThan(11 * 4);
		}
	}

	/** Every cell's text, row by row, as Excel would show it. */
	private static List<String> cells(Sheet sheet) {
		DataFormatter format = new DataFormatter();
		List<String> cells = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				cells.add(cell.getAddress() + "=" + format.formatCellValue(cell));
			}
		}
		return cells;
	}

}
