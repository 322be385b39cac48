package gov.shaoxing.investment.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.indicator.IndicatorReportService.SubmitIndicatorReportInput;
import gov.shaoxing.investment.security.CurrentActor;
import gov.shaoxing.investment.targets.Indicator;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class IndicatorReportController {

	private final IndicatorReportService reports;

	private final DistrictService districts;

	private final MongoTemplate mongo;

	IndicatorReportController(IndicatorReportService reports, DistrictService districts, MongoTemplate mongo) {
		this.reports = reports;
		this.districts = districts;
		this.mongo = mongo;
	}

	@MutationMapping
	SubmitIndicatorReportPayload submitIndicatorReport(@Argument SubmitIndicatorReportInput input) {
		try {
			return new SubmitIndicatorReportPayload(this.reports.submit(input, CurrentActor.get()), List.of());
		}
		catch (ExpectedFailure ex) {
			return new SubmitIndicatorReportPayload(null, ex.errors());
		}
	}

	@QueryMapping
	List<IndicatorReport> indicatorReports(@Argument int year, @Argument String districtCode,
			@Argument Indicator indicator) {
		Criteria criteria = Criteria.where("year").is(year);
		if (districtCode != null) {
			criteria.and("districtCode").is(districtCode);
		}
		if (indicator != null) {
			criteria.and("indicator").is(indicator);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by("districtCode", "indicator", "month")).limit(5000),
				IndicatorReport.class);
	}

	@BatchMapping(typeName = "IndicatorReport")
	Map<IndicatorReport, District> district(List<IndicatorReport> reports) {
		Map<String, District> found = this.districts
			.byCodes(reports.stream().map(IndicatorReport::districtCode).distinct().toList());
		Map<IndicatorReport, District> result = new HashMap<>();
		reports.forEach((r) -> {
			if (found.containsKey(r.districtCode())) {
				result.put(r, found.get(r.districtCode()));
			}
		});
		return result;
	}

	/** Result of {@code submitIndicatorReport}. */
	record SubmitIndicatorReportPayload(IndicatorReport report, List<PayloadError> errors) {
	}

}
