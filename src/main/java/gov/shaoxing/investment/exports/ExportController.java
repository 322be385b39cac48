package gov.shaoxing.investment.exports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorRenderer;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.imports.ProjectRowMapper;
import gov.shaoxing.investment.imports.ProjectSheet;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectFilter;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.CurrentActor;
import gov.shaoxing.investment.supervision.Bulletin;
import gov.shaoxing.investment.supervision.BulletinPublications;
import gov.shaoxing.investment.supervision.BulletinService;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Downloads for signed-in users. Project lists take the API's {@code ProjectFilter} as
 * JSON in {@code filter} and the template's column keys in {@code fields}; the bulletin,
 * quarterly report and ranking come as the plan's tables. File names are Chinese, sent
 * per RFC 5987 ({@code filename*=UTF-8''…}) with an ASCII fallback. Refusals are JSON
 * {@code { code, message }}.
 */
@RestController
class ExportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ProjectService projects;

	private final BulletinService bulletins;

	private final BulletinPublications publications;

	private final DistrictService districts;

	private final JsonMapper json;

	private final ProjectExport projectExport;

	private final ErrorRenderer errors;

	ExportController(ProjectService projects, BulletinService bulletins, BulletinPublications publications,
			DistrictService districts, JsonMapper json, ProjectRowMapper rows, ErrorRenderer errors) {
		this.errors = errors;
		this.publications = publications;
		this.projects = projects;
		this.bulletins = bulletins;
		this.districts = districts;
		// a misspelt condition must not silently export everything
		this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.projectExport = new ProjectExport(rows, json);
	}

	@GetMapping("/exports/projects.xlsx")
	ResponseEntity<StreamingResponseBody> projectsXlsx(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String fields) {
		Prepared p = prepare(filter, fields);
		return download("项目明细表.xlsx", "projects.xlsx", XLSX, (out) -> {
			try (Stream<Project> s = p.projects()) {
				this.projectExport.xlsx(s, p.keys(), out);
			}
		});
	}

	@GetMapping("/exports/projects.csv")
	ResponseEntity<StreamingResponseBody> projectsCsv(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String fields) {
		Prepared p = prepare(filter, fields);
		return download("项目明细表.csv", "projects.csv", MediaType.parseMediaType("text/csv;charset=UTF-8"), (out) -> {
			try (Stream<Project> s = p.projects()) {
				this.projectExport.csv(s, p.keys(), out);
			}
		});
	}

	@GetMapping("/exports/projects.jsonl")
	ResponseEntity<StreamingResponseBody> projectsJsonl(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String fields) {
		Prepared p = prepare(filter, fields);
		return download("项目明细表.jsonl", "projects.jsonl", MediaType.parseMediaType("application/jsonl;charset=UTF-8"),
				(out) -> {
					try (Stream<Project> s = p.projects()) {
						this.projectExport.jsonl(s, p.keys(), out);
					}
				});
	}

	@GetMapping("/exports/bulletins/{year:\\d{4}}-{month:\\d{1,2}}.xlsx")
	ResponseEntity<StreamingResponseBody> bulletin(@PathVariable int year, @PathVariable int month,
			@RequestParam(defaultValue = "false") boolean asPublished) {
		AccessPolicy.requireMayExport(CurrentActor.get());
		// as published (publishBulletin): what the districts were sent, whatever was
		// corrected since
		Bulletin bulletin = asPublished ? this.publications.published(year, month)
				: this.bulletins.monthly(year, month);
		if (bulletin == null) {
			throw new ApiException(ErrorCode.BULLETIN_NOT_PUBLISHED, "asPublished", year, month);
		}
		String title = year + "年" + month + "月产业升级投资工作通报";
		return download(title + ".xlsx", "bulletin-" + year + "-" + month + ".xlsx", XLSX,
				(out) -> SupervisionWorkbooks.bulletin(bulletin, title, this.districts.planOrder(), out));
	}

	@GetMapping("/exports/quarterly-reports/{year:\\d{4}}-Q{quarter:[1-4]}.xlsx")
	ResponseEntity<StreamingResponseBody> quarterly(@PathVariable int year, @PathVariable int quarter) {
		AccessPolicy.requireMayExport(CurrentActor.get());
		Bulletin report = this.bulletins.quarterly(year, quarter);
		String title = year + "年第" + quarter + "季度产业升级投资工作汇报";
		return download(title + ".xlsx", "quarterly-" + year + "-Q" + quarter + ".xlsx", XLSX,
				(out) -> SupervisionWorkbooks.bulletin(report, title, this.districts.planOrder(), out));
	}

	@GetMapping("/exports/rankings/{year:\\d{4}}.xlsx")
	ResponseEntity<StreamingResponseBody> ranking(@PathVariable int year) {
		AccessPolicy.requireMayExport(CurrentActor.get());
		List<Bulletin.DistrictScore> scores = this.bulletins.ranking(year);
		return download(year + "年度评比排名.xlsx", "ranking-" + year + ".xlsx", XLSX,
				(out) -> SupervisionWorkbooks.ranking(year, scores, out));
	}

	/** The checked columns and the projects, fixed before the first byte is sent. */
	private record Prepared(List<String> keys, Stream<Project> projects) {
	}

	private Prepared prepare(String filterJson, String fields) {
		AccessPolicy.requireMayExport(CurrentActor.get());
		ProjectFilter filter = null;
		if (filterJson != null && !filterJson.isBlank()) {
			try {
				filter = this.json.readValue(filterJson, ProjectFilter.class);
			}
			catch (JacksonException ex) {
				throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "exportFilter", "filter");
			}
		}
		List<String> keys = ProjectSheet.keys();
		if (fields != null && !fields.isBlank()) {
			keys = new ArrayList<>();
			for (String f : fields.split(",")) {
				String key = f.strip();
				if (!ProjectSheet.isKey(key)) {
					throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "exportField", "fields", key);
				}
				if (!keys.contains(key)) {
					keys.add(key);
				}
			}
		}
		// the stream is opened here, so a bad filter is refused before any byte is sent
		return new Prepared(List.copyOf(keys), this.projects.export(filter));
	}

	private static ResponseEntity<StreamingResponseBody> download(String filename, String asciiName, MediaType type,
			StreamingResponseBody body) {
		String disposition = ContentDisposition.attachment()
			.filename(filename, StandardCharsets.UTF_8)
			.build()
			.toString();
		// older clients read the plain filename; RFC 6266 clients prefer filename*
		disposition = "attachment; filename=\"" + asciiName + "\"; "
				+ disposition.substring(disposition.indexOf("filename*="));
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> refused(ApiException ex, Locale locale) {
		return ResponseEntity.status(ex.code().httpStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.errors.plainBody(ex.message(), locale));
	}

}
