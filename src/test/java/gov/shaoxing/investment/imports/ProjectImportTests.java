package gov.shaoxing.investment.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.QuietServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.audit.AuditRecord;
import gov.shaoxing.investment.project.ConstructionNature;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.TokenIssuer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real spreadsheets are messy: every case is a real file generated here, uploaded over
 * HTTP, and read back through {@code importJob} and the stored projects.
 */
@QuietServiceTest
class ProjectImportTests {

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	MongoTemplate mongo;

	ImportClient admin;

	@BeforeEach
	void signIn() {
		this.admin = new ImportClient(this.port, TestSecurity.adminToken(this.issuer));
	}

	private Project stored(String code) {
		return this.mongo.findById(code, Project.class);
	}

	/**
	 * A notes sheet first, then the data sheet: Chinese headers only, in another column
	 * order, a district merged over two rows, a formula, dates as serial numbers and as
	 * text, full-width digits, amounts with units and separators, a blank row.
	 */
	@Test
	void aMessyWorkbookIsReadCellByCell() {
		XSSFWorkbook workbook = new XSSFWorkbook();
		workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("填表说明：金额单位亿元");
		Sheet sheet = workbook.createSheet("项目");
		String[] headers = { "项目名称*", "总投资(亿元)*", "所在地区代码*", "项目代码", "年度计划投资(亿元)*", "项目类别*", "牵头部门代码*", "计划开工日期",
				"计划竣工日期", "实际开工日期", "计划年度", "战略性新兴产业重点计划(是/否)", "建设性质" };
		Row header = sheet.createRow(0);
		for (int i = 0; i < headers.length; i++) {
			header.createCell(i).setCellValue(headers[i]);
		}
		CellStyle dateStyle = workbook.createCellStyle();
		dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
		Row a = sheet.createRow(1);
		a.createCell(0).setCellValue("年产１２３万件汽配项目");
		a.createCell(1).setCellFormula("5+7.5");
		a.createCell(2).setCellValue("ZHUJI");
		a.createCell(3).setCellValue("ＩＭＰ－００１");
		a.createCell(4).setCellValue("3,600万");
		a.createCell(5).setCellValue("工业");
		a.createCell(6).setCellValue("JXW");
		a.createCell(7).setCellValue(LocalDate.of(2012, 3, 29));
		a.getCell(7).setCellStyle(dateStyle);
		a.createCell(8).setCellValue("2014/3/29");
		a.createCell(9).setCellValue("2012年4月1日");
		a.createCell(10).setCellValue("２０１２");
		a.createCell(11).setCellValue("是");
		a.createCell(12).setCellValue("扩建");
		Row b = sheet.createRow(2);
		b.createCell(0).setCellValue("诸暨物流中心");
		b.createCell(1).setCellValue("5亿");
		// column 2 (district) is merged with the row above
		b.createCell(3).setCellValue("IMP-002");
		b.createCell(4).setCellValue("5000万");
		b.createCell(5).setCellValue("服务业");
		b.createCell(6).setCellValue("FGW");
		b.createCell(7).setCellValue(41000);
		b.createCell(10).setCellValue(2012);
		sheet.addMergedRegion(new CellRangeAddress(1, 2, 2, 2));
		sheet.createRow(3);
		Row bad = sheet.createRow(4);
		bad.createCell(0).setCellValue("坏数据项目");
		bad.createCell(1).setCellValue("很多");
		bad.createCell(2).setCellValue("ZHUJI");
		bad.createCell(3).setCellValue("IMP-003");
		bad.createCell(4).setCellValue("1");
		bad.createCell(5).setCellValue("工业");
		bad.createCell(6).setCellValue("JXW");
		bad.createCell(7).setCellValue("2012-13-45");
		workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		byte[] file = ImportClient.bytes(workbook);

		Map<String, Object> job = this.admin.run("/imports/projects", file, "项目.xlsx", false);
		assertThat(job.get("status")).isEqualTo("SUCCEEDED");
		assertThat(job.get("created")).isEqualTo(2);
		assertThat(job.get("failed")).isEqualTo(1);
		assertThat(ImportClient.errors(job))
			.extracting((e) -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
			.containsExactlyInAnyOrder("5:totalInvestment:INVALID_AMOUNT", "5:plannedStart:INVALID_DATE");

		Project first = stored("IMP-001");
		assertThat(first.name()).isEqualTo("年产１２３万件汽配项目");
		assertThat(first.totalInvestment()).isEqualByComparingTo("12.5");
		assertThat(first.plannedInvestment()).isEqualByComparingTo("0.36");
		assertThat(first.plannedStart()).isEqualTo(LocalDate.of(2012, 3, 29));
		assertThat(first.plannedFinish()).isEqualTo(LocalDate.of(2014, 3, 29));
		assertThat(first.actualStart()).isEqualTo(LocalDate.of(2012, 4, 1));
		assertThat(first.year()).isEqualTo(2012);
		assertThat(first.strategicEmerging()).isTrue();
		assertThat(first.demo()).isFalse();
		assertThat(first.constructionNature()).isEqualTo(ConstructionNature.EXPANSION);
		Project second = stored("IMP-002");
		assertThat(second.districtCode()).as("merged cell").isEqualTo("ZHUJI");
		assertThat(second.totalInvestment()).isEqualByComparingTo("5");
		assertThat(second.plannedInvestment()).isEqualByComparingTo("0.5");
		assertThat(second.plannedStart()).as("serial number 41000").isEqualTo(LocalDate.of(2012, 4, 1));
		assertThat(stored("IMP-003")).isNull();

		// every applied row is audited under the job's id
		assertThat(this.mongo.count(
				Query.query(Criteria.where("action").is("import:projects").and("input.jobId").is(job.get("id"))),
				AuditRecord.class))
			.isEqualTo(2);

		// the same file again changes nothing
		Map<String, Object> again = this.admin.run("/imports/projects", file, "项目.xlsx", false);
		assertThat(again.get("unchanged")).isEqualTo(2);
		assertThat(again.get("created")).isEqualTo(0);
		assertThat(again.get("updated")).isEqualTo(0);
		assertThat(stored("IMP-001").revision()).isEqualTo(first.revision());
	}

	@Test
	void aDryRunChecksEveryRowAndWritesNothing() {
		byte[] csv = csv(StandardCharsets.UTF_8, "code,name,category,districtCode,leadDepartmentCode,totalInvestment,"
				+ "plannedInvestment\nDRY-001,试运行项目,INDUSTRIAL,SHANGYU,JXW,8,2\nDRY-002,超计划项目,INDUSTRIAL,SHANGYU,JXW,1,2\n");
		Map<String, Object> job = this.admin.run("/imports/projects", csv, "dry.csv", true);
		assertThat(job.get("dryRun")).isEqualTo(true);
		assertThat(job.get("created")).isEqualTo(1);
		assertThat(job.get("failed")).isEqualTo(1);
		assertThat(ImportClient.errors(job)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("row", 3)
				.containsEntry("column", "plannedInvestment")
				.containsEntry("code", "EXCEEDS_TOTAL"));
		assertThat(stored("DRY-001")).isNull();
		// the row's message is worded in the reader's language when the job is read
		String query = "query($id: ID!) { importJob(id: $id) { errors { code message } } }";
		Map<String, Object> id = Map.of("id", job.get("id"));
		assertThat(rowMessage(this.admin.graphQl(query, id, "en")))
			.isEqualTo("This year's planned investment may not exceed the total investment.");
		assertThat(rowMessage(this.admin.graphQl(query, id, "zh-CN"))).contains("计划投资");
	}

	@SuppressWarnings("unchecked")
	private static String rowMessage(Map<String, Object> data) {
		Map<String, Object> job = (Map<String, Object>) data.get("importJob");
		return (String) ((List<Map<String, Object>>) job.get("errors")).get(0).get("message");
	}

	/** Excel on a Chinese Windows saves CSV as GBK; the key row alone is a header too. */
	@Test
	void aGbkCsvWithTheKeyRowImports() {
		byte[] csv = csv(Charset.forName("GB18030"),
				"districtCode,name,category,leadDepartmentCode,totalInvestment,plannedInvestment,code,industryDivision\n"
						+ "XINCHANG,新昌轴承扩产项目,工业,JXW,\"6,000万\",\"2,000万\",CSV-001,34\n");
		Map<String, Object> job = this.admin.run("/imports/projects", csv, "gbk.csv", false);
		assertThat(job.get("created")).as("%s", job).isEqualTo(1);
		Project p = stored("CSV-001");
		assertThat(p.name()).isEqualTo("新昌轴承扩产项目");
		assertThat(p.totalInvestment()).isEqualByComparingTo("0.6");
		assertThat(p.industry().section()).isEqualTo("C");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aFileThatIsNotTheTemplateIsRefusedWithTheMissingColumns() {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Row row = workbook.createSheet("Sheet1").createRow(0);
		String[] headers = { "项目代码", "总投资(亿元)*", "所在地区代码*", "备注", "联系人" };
		for (int i = 0; i < headers.length; i++) {
			row.createCell(i).setCellValue(headers[i]);
		}
		EntityExchangeResult<Map<String, Object>> refused = this.admin.upload("/imports/projects",
				ImportClient.bytes(workbook), "other.xlsx", false);
		assertThat(refused.getStatus().value()).isEqualTo(400);
		assertThat(refused.getResponseBody()).containsEntry("code", "TEMPLATE_MISMATCH");
		assertThat((List<Object>) refused.getResponseBody().get("missingColumns")).contains("name (项目名称*)",
				"category (项目类别*)", "plannedInvestment (年度计划投资(亿元)*)");
	}

	@Test
	void aFileThatIsNotASpreadsheetGets415AndAnOversizedOne413() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
		EntityExchangeResult<Map<String, Object>> picture = this.admin.upload("/imports/projects", png, "x.xlsx",
				false);
		assertThat(picture.getStatus().value()).isEqualTo(415);
		assertThat(picture.getResponseBody()).containsEntry("code", "UNSUPPORTED_FILE_TYPE");
		byte[] zip = { 'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
		assertThat(this.admin.upload("/imports/projects", zip, "broken.xlsx", false).getStatus().value())
			.isEqualTo(415);
		byte[] large = csv(StandardCharsets.UTF_8, "code,name\n" + "X,y\n".repeat(80_000));
		EntityExchangeResult<Map<String, Object>> tooLarge = this.admin.upload("/imports/projects", large, "big.csv",
				false);
		assertThat(tooLarge.getStatus().value()).isEqualTo(413);
		assertThat(tooLarge.getResponseBody()).containsEntry("code", "IMPORT_TOO_LARGE");
	}

	@Test
	void importsAreForSignedInRolesThatMayMakeTheChanges() {
		byte[] csv = csv(StandardCharsets.UTF_8, "code,name,category,districtCode,leadDepartmentCode,totalInvestment,"
				+ "plannedInvestment\nROLE-001,越权项目,INDUSTRIAL,SHANGYU,JXW,8,2\n");
		assertThat(
				new ImportClient(this.port, null).upload("/imports/projects", csv, "a.csv", false).getStatus().value())
			.isEqualTo(401);
		assertThat(new ImportClient(this.port, TestSecurity.token(this.issuer, Role.ANALYST, null))
			.upload("/imports/projects", csv, "a.csv", false)
			.getStatus()
			.value()).isEqualTo(403);
		// a district officer's rows outside its district are refused row by row
		Map<String, Object> job = new ImportClient(this.port,
				TestSecurity.token(this.issuer, Role.DISTRICT_OFFICER, null, "ZHUJI"))
			.run("/imports/projects", csv, "a.csv", false);
		assertThat(job.get("failed")).isEqualTo(1);
		assertThat(ImportClient.errors(job)).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("code", "FORBIDDEN"));
		assertThat(stored("ROLE-001")).isNull();
	}

	@Test
	void theTemplatesDescribeTheColumnsAndImportAsNothing() throws Exception {
		EntityExchangeResult<byte[]> template = this.admin.download("/imports/templates/projects.xlsx");
		assertThat(template.getStatus().value()).isEqualTo(200);
		assertThat(template.getResponseHeaders().getFirst("Content-Disposition"))
			.contains("filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E6%98%8E%E7%BB%86%E8%A1%A8");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getResponseBody()))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> chinese = cells(sheet.getRow(0));
			List<String> keys = cells(sheet.getRow(1));
			assertThat(chinese).contains("总投资(亿元)*", "年度计划投资(亿元)*", "1月计划投资(亿元)");
			assertThat(keys).contains("totalInvestment", "plannedInvestment", "plannedMonthly01", "liaisonCadre");
			assertThat(cells(sheet.getRow(2)).get(keys.indexOf("code"))).isEqualTo("示例");
		}
		Map<String, Object> job = this.admin.run("/imports/projects", template.getResponseBody(), "t.xlsx", false);
		assertThat(job.get("status")).isEqualTo("SUCCEEDED");
		assertThat(job.get("processedRows")).isEqualTo(0);
		EntityExchangeResult<byte[]> progress = this.admin.download("/imports/templates/progress-reports.xlsx");
		assertThat(progress.getStatus().value()).isEqualTo(200);
		Map<String, Object> progressJob = this.admin.run("/imports/progress-reports", progress.getResponseBody(),
				"p.xlsx", false);
		assertThat(progressJob.get("status")).isEqualTo("SUCCEEDED");
		assertThat(progressJob.get("processedRows")).isEqualTo(0);
		assertThat(ImportClient.errors(progressJob)).isEmpty();
		String csv = new String(this.admin.download("/imports/templates/projects.csv").getResponseBody(),
				StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\ufeff项目代码,项目名称*");
	}

	@Test
	void progressReportsComeInFromATaiZhangAndAgainChangeNothing() {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet sheet = workbook.createSheet("台账");
		String[] keys = { "projectCode", "year", "month", "half", "investmentCompleted", "physicalProgressPercent" };
		Row header = sheet.createRow(0);
		for (int i = 0; i < keys.length; i++) {
			header.createCell(i).setCellValue(keys[i]);
		}
		Object[][] rows = { { "DEMO-IND-050", 2012, 3, 1, "0.2", 15 }, { "DEMO-IND-050", 2012, 3, "下半月", "2000万", 20 },
				{ "DEMO-IND-050", 2012, 13, 1, "0.1", 25 } };
		for (int r = 0; r < rows.length; r++) {
			Row row = sheet.createRow(r + 1);
			for (int c = 0; c < keys.length; c++) {
				Object v = rows[r][c];
				if (v instanceof Number n) {
					row.createCell(c).setCellValue(n.doubleValue());
				}
				else {
					row.createCell(c).setCellValue((String) v);
				}
			}
		}
		byte[] file = ImportClient.bytes(workbook);
		Map<String, Object> job = this.admin.run("/imports/progress-reports", file, "台账.xlsx", false);
		assertThat(job.get("created")).as("%s", job).isEqualTo(2);
		assertThat(job.get("failed")).isEqualTo(1);
		assertThat(ImportClient.errors(job)).singleElement().satisfies((e) -> assertThat(e).containsEntry("row", 4));
		Map<String, Object> progress = this.admin.graphQl(
				"{ projectByCode(code: \"DEMO-IND-050\") { progress { cumulativeInvestment reportedPeriods } } }",
				Map.of());
		assertThat(progress.toString()).contains("cumulativeInvestment=0.4", "reportedPeriods=2");
		Map<String, Object> again = this.admin.run("/imports/progress-reports", file, "台账.xlsx", false);
		assertThat(again.get("unchanged")).isEqualTo(2);
		assertThat(again.get("created")).isEqualTo(0);
	}

	private static List<String> cells(Row row) {
		List<String> values = new ArrayList<>();
		row.forEach((c) -> values.add(c.getStringCellValue()));
		return values;
	}

	private static byte[] csv(Charset charset, String text) {
		return text.getBytes(charset);
	}

}
