package gov.shaoxing.investment.node;

import java.util.Set;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.inspection.InspectionService;
import gov.shaoxing.investment.measure.MeasureService;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.official.OfficialService;
import gov.shaoxing.investment.progress.ProgressReport;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.security.CurrentActor;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves Relay global IDs to objects of any type; an ID of an unknown object gives
 * null.
 */
@Controller
class NodeController {

	private final ProjectService projects;

	private final DistrictService districts;

	private final DepartmentService departments;

	private final OfficialService officials;

	private final MeasureService measures;

	private final NoticeService notices;

	private final MongoTemplate mongo;

	private final InspectionService inspections;

	NodeController(ProjectService projects, DistrictService districts, DepartmentService departments,
			OfficialService officials, MeasureService measures, NoticeService notices, InspectionService inspections,
			MongoTemplate mongo) {
		this.mongo = mongo;
		this.notices = notices;
		this.inspections = inspections;
		this.projects = projects;
		this.districts = districts;
		this.departments = departments;
		this.officials = officials;
		this.measures = measures;
	}

	private static final Set<String> STAFF_ONLY = Set.of("Notice", "ProgressReport", "Inspection");

	@QueryMapping
	Object node(@Argument String id) {
		GlobalId global = GlobalId.decode(id);
		if (STAFF_ONLY.contains(global.type()) && !CurrentActor.get().signedIn()) {
			throw ApiException.detailed(ErrorCode.UNAUTHENTICATED, "node", "id", global.type());
		}
		return switch (global.type()) {
			case "Project" -> this.projects.byCode(global.key());
			case "District" -> this.districts.byCode(global.key());
			case "Department" -> this.departments.byCode(global.key());
			case "Official" -> this.officials.byId(global.key());
			case "WorkMeasure" -> this.measures.byId(global.key());
			case "Notice" -> this.notices.byId(global.key());
			case "ProgressReport" -> this.mongo.findById(global.key(), ProgressReport.class);
			case "Inspection" -> this.inspections.byId(global.key());
			default -> null;
		};
	}

}
