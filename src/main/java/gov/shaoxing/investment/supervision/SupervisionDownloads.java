package gov.shaoxing.investment.supervision;

import java.util.List;
import java.util.Locale;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.Downloads;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorRenderer;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.CurrentActor;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The bulletin, quarterly report and ranking as the plan's tables, for signed-in users
 * who may export. They live with the read side they show, which no other feature may
 * depend on. Refusals are JSON {@code { code, message }}.
 */
@RestController
class SupervisionDownloads {

	private final BulletinService bulletins;

	private final BulletinPublications publications;

	private final DistrictService districts;

	private final ErrorRenderer errors;

	SupervisionDownloads(BulletinService bulletins, BulletinPublications publications, DistrictService districts,
			ErrorRenderer errors) {
		this.bulletins = bulletins;
		this.publications = publications;
		this.districts = districts;
		this.errors = errors;
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
		return Downloads.attachment(title + ".xlsx", "bulletin-" + year + "-" + month + ".xlsx", Downloads.XLSX,
				(out) -> SupervisionWorkbooks.bulletin(bulletin, title, this.districts.planOrder(), out));
	}

	@GetMapping("/exports/quarterly-reports/{year:\\d{4}}-Q{quarter:[1-4]}.xlsx")
	ResponseEntity<StreamingResponseBody> quarterly(@PathVariable int year, @PathVariable int quarter) {
		AccessPolicy.requireMayExport(CurrentActor.get());
		Bulletin report = this.bulletins.quarterly(year, quarter);
		String title = year + "年第" + quarter + "季度产业升级投资工作汇报";
		return Downloads.attachment(title + ".xlsx", "quarterly-" + year + "-Q" + quarter + ".xlsx", Downloads.XLSX,
				(out) -> SupervisionWorkbooks.bulletin(report, title, this.districts.planOrder(), out));
	}

	@GetMapping("/exports/rankings/{year:\\d{4}}.xlsx")
	ResponseEntity<StreamingResponseBody> ranking(@PathVariable int year) {
		AccessPolicy.requireMayExport(CurrentActor.get());
		List<Bulletin.DistrictScore> scores = this.bulletins.ranking(year);
		return Downloads.attachment(year + "年度评比排名.xlsx", "ranking-" + year + ".xlsx", Downloads.XLSX,
				(out) -> SupervisionWorkbooks.ranking(year, scores, out));
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> refused(ApiException ex, Locale locale) {
		return ResponseEntity.status(ex.code().httpStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.errors.plainBody(ex.message(), locale));
	}

}
