package gov.shaoxing.investment.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.ErrorRenderer;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.CurrentActor;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Templates to download and files to import. {@code POST /imports/projects} and
 * {@code POST /imports/progress-reports} take one multipart field {@code file} (.xlsx or
 * .csv, recognised by content) and answer 202 with the queued job, whose progress
 * {@code importJob(id)} shows. Refusals are JSON {@code { code, message }}.
 */
@RestController
class ImportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final ImportJobs jobs;

	private final ImportProperties properties;

	private final ImportAppliers appliers;

	private final ErrorRenderer errors;

	ImportController(ImportJobs jobs, ImportProperties properties, ImportAppliers appliers, ErrorRenderer errors) {
		this.jobs = jobs;
		this.errors = errors;
		this.properties = properties;
		this.appliers = appliers;
	}

	@GetMapping("/imports/templates/projects.xlsx")
	ResponseEntity<StreamingResponseBody> projectTemplate() {
		return file("项目明细表模板.xlsx", XLSX, (out) -> TemplateFiles.xlsx(ProjectTemplate.TEMPLATE, out));
	}

	@GetMapping("/imports/templates/projects.csv")
	ResponseEntity<StreamingResponseBody> projectTemplateCsv() {
		return file("项目明细表模板.csv", CSV, (out) -> TemplateFiles.csv(ProjectTemplate.TEMPLATE, out));
	}

	@GetMapping("/imports/templates/progress-reports.xlsx")
	ResponseEntity<StreamingResponseBody> progressTemplate() {
		return file("半月进度台账模板.xlsx", XLSX, (out) -> TemplateFiles.xlsx(ProgressTemplate.TEMPLATE, out));
	}

	@GetMapping("/imports/templates/progress-reports.csv")
	ResponseEntity<StreamingResponseBody> progressTemplateCsv() {
		return file("半月进度台账模板.csv", CSV, (out) -> TemplateFiles.csv(ProgressTemplate.TEMPLATE, out));
	}

	@PostMapping("/imports/projects")
	ResponseEntity<Object> importProjects(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun, Locale locale) throws IOException {
		Actor actor = CurrentActor.get();
		AccessPolicy.requireMayImportProjects(actor);
		return start("projects", file, dryRun, actor, locale, ProjectTemplate.TEMPLATE,
				(job) -> this.appliers.projects(job, actor));
	}

	@PostMapping("/imports/progress-reports")
	ResponseEntity<Object> importProgress(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun, Locale locale) throws IOException {
		Actor actor = CurrentActor.get();
		AccessPolicy.requireMayImportReports(actor);
		return start("progress-reports", file, dryRun, actor, locale, ProgressTemplate.TEMPLATE,
				(job) -> this.appliers.progress(job, actor));
	}

	private <R> ResponseEntity<Object> start(String kind, MultipartFile file, boolean dryRun, Actor actor,
			Locale locale, Template<R> template, Function<ImportJob, RowApplier<R>> applier) throws IOException {
		if (file == null || file.isEmpty()) {
			return refuse(HttpStatus.BAD_REQUEST, ErrorCode.IMPORT_FILE_MISSING.message(), locale, null);
		}
		if (file.getSize() > this.properties.maxSize().toBytes()) {
			return refuse(HttpStatus.CONTENT_TOO_LARGE,
					ErrorCode.IMPORT_TOO_LARGE.message(this.properties.maxSize().toMegabytes()), locale, null);
		}
		Path work = this.jobs.workFile(".upload");
		boolean handedOver = false;
		try {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, work, StandardCopyOption.REPLACE_EXISTING);
			}
			SpreadsheetFormat format = SpreadsheetFormat.sniff(work);
			if (format == null) {
				return notASpreadsheet(locale);
			}
			ImportJobs.HeaderCheck header;
			try {
				header = this.jobs.checkHeader(work, format, template);
			}
			catch (XlsxReader.NotAWorkbook ex) {
				return notASpreadsheet(locale);
			}
			if (!header.found()) {
				return refuse(HttpStatus.BAD_REQUEST, ErrorCode.TEMPLATE_MISMATCH.message(template.name()), locale,
						header.missing());
			}
			ImportJob job = this.jobs.start(kind, name(file), dryRun, actor, work, format, template, applier);
			handedOver = true;
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", job.id());
			body.put("kind", job.kind());
			body.put("status", job.status());
			body.put("dryRun", job.dryRun());
			return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(body);
		}
		finally {
			if (!handedOver) {
				Files.deleteIfExists(work);
			}
		}
	}

	private ResponseEntity<Object> notASpreadsheet(Locale locale) {
		return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_FILE_TYPE.message(), locale, null);
	}

	private static String name(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null || name.isBlank()) {
			return "upload";
		}
		name = name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/** A refusal as {@code { code, message }}, with the missing columns where known. */
	private ResponseEntity<Object> refuse(HttpStatus status, ErrorMessage message, Locale locale,
			List<String> missing) {
		Map<String, Object> body = new LinkedHashMap<>(this.errors.plainBody(message, locale));
		if (missing != null) {
			body.put("missingColumns", missing);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> denied(ApiException ex, Locale locale) {
		return refuse(ex.code().httpStatus(), ex.message(), locale, null);
	}

	/**
	 * A download with its name in Content-Disposition (RFC 5987 for the Chinese name).
	 */
	static ResponseEntity<StreamingResponseBody> file(String filename, MediaType type, StreamingResponseBody body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

}
