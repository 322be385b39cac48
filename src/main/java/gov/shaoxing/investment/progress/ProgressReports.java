package gov.shaoxing.investment.progress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.Connection;
import gov.shaoxing.investment.common.FeedPaging;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.Paging;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Finds progress reports: the filtered feed, each project's reports in one query per
 * batch, and one report by id. The write side is {@link ProgressService}.
 */
@Service
class ProgressReports {

	private final MongoTemplate mongo;

	private final FeedPaging feeds;

	private final Paging paging;

	ProgressReports(MongoTemplate mongo, FeedPaging feeds, Paging paging) {
		this.mongo = mongo;
		this.feeds = feeds;
		this.paging = paging;
	}

	/**
	 * Reports matching the filter (current ones unless it says otherwise), newest first.
	 */
	Connection<ProgressReport> find(ProgressReportFilter filter, Integer first, String after) {
		return this.feeds.page(criteria(filter != null ? filter : ProgressReportFilter.ALL), ProgressReport.class,
				first, after, ProgressReport::id);
	}

	/** A page of each project's reports, newest first, in one query per kind of key. */
	Map<ProjectReports, Connection<ProgressReport>> forProjects(Collection<ProjectReports> keys) {
		Map<ProjectReports, Connection<ProgressReport>> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(ProjectReports::includeReplaced)).forEach((all, group) -> {
			Criteria criteria = Criteria.where("projectCode")
				.in(group.stream().map(ProjectReports::projectCode).distinct().toList());
			if (!all) {
				criteria.and("current").is(true);
			}
			Map<String, List<ProgressReport>> found = this.mongo.find(Query.query(criteria), ProgressReport.class)
				.stream()
				.sorted(Comparator.comparing(ProgressReport::id).reversed())
				.collect(Collectors.groupingBy(ProgressReport::projectCode));
			for (ProjectReports key : group) {
				result.put(key, this.paging.pageById(found.getOrDefault(key.projectCode(), List.of()), key.first(),
						key.after(), ProgressReport::id));
			}
		});
		return result;
	}

	ProgressReport byId(String id) {
		return this.mongo.findById(id, ProgressReport.class);
	}

	private static Criteria criteria(ProgressReportFilter f) {
		List<Criteria> all = new ArrayList<>();
		if (!Boolean.TRUE.equals(f.includeReplaced())) {
			all.add(Criteria.where("current").is(true));
		}
		if (f.projectId() != null) {
			all.add(Criteria.where("projectCode").is(GlobalId.keyOf(f.projectId(), "Project")));
		}
		if (f.districtCodes() != null) {
			all.add(Criteria.where("districtCode").in(f.districtCodes()));
		}
		if (f.categories() != null) {
			all.add(Criteria.where("category").in(f.categories()));
		}
		if (f.year() != null) {
			String prefix = String.format("%04d-", f.year())
					+ (f.month() == null ? "" : String.format("%02d-", f.month()));
			all.add(Criteria.where("periodKey").gte(prefix).lt(prefix + "~"));
		}
		if (f.submittedBy() != null) {
			all.add(Criteria.where("submittedBy").is(f.submittedBy()));
		}
		return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
	}

	/** Batch key for {@code Project.reports}. */
	record ProjectReports(String projectCode, boolean includeReplaced, Integer first, String after) {
	}

}
