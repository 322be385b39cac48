package gov.shaoxing.investment.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.Downloads;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorRenderer;
import gov.shaoxing.investment.imports.ProjectRowMapper;
import gov.shaoxing.investment.imports.ProjectSheet;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectFilter;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.CurrentActor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Project lists to download, for signed-in users: the API's {@code ProjectFilter} as JSON
 * in {@code filter} and the template's column keys in {@code fields}. File names are
 * Chinese ({@link Downloads}). Refusals are JSON {@code { code, message }}. The
 * bulletin's tables are the read side's own ({@code supervision.SupervisionDownloads}).
 */
@RestController
class ExportController {

	private final ProjectService projects;

	private final JsonMapper json;

	private final ProjectExport projectExport;

	private final ErrorRenderer errors;

	ExportController(ProjectService projects, JsonMapper json, ProjectRowMapper rows, ErrorRenderer errors) {
		this.errors = errors;
		this.projects = projects;
		// a misspelt condition must not silently export everything
		this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.projectExport = new ProjectExport(rows, json);
	}

	@GetMapping("/exports/projects.xlsx")
	ResponseEntity<StreamingResponseBody> projectsXlsx(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String fields) {
		Prepared p = prepare(filter, fields);
		return Downloads.attachment("项目明细表.xlsx", "projects.xlsx", Downloads.XLSX, (out) -> {
			try (Stream<Project> s = p.projects()) {
				this.projectExport.xlsx(s, p.keys(), out);
			}
		});
	}

	@GetMapping("/exports/projects.csv")
	ResponseEntity<StreamingResponseBody> projectsCsv(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String fields) {
		Prepared p = prepare(filter, fields);
		return Downloads.attachment("项目明细表.csv", "projects.csv", MediaType.parseMediaType("text/csv;charset=UTF-8"),
				(out) -> {
					try (Stream<Project> s = p.projects()) {
						this.projectExport.csv(s, p.keys(), out);
					}
				});
	}

	@GetMapping("/exports/projects.jsonl")
	ResponseEntity<StreamingResponseBody> projectsJsonl(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String fields) {
		Prepared p = prepare(filter, fields);
		return Downloads.attachment("项目明细表.jsonl", "projects.jsonl",
				MediaType.parseMediaType("application/jsonl;charset=UTF-8"), (out) -> {
					try (Stream<Project> s = p.projects()) {
						this.projectExport.jsonl(s, p.keys(), out);
					}
				});
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

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> refused(ApiException ex, Locale locale) {
		return ResponseEntity.status(ex.code().httpStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.errors.plainBody(ex.message(), locale));
	}

}
