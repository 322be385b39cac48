package gov.shaoxing.investment.seed;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.department.Department;
import gov.shaoxing.investment.department.DepartmentKind;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictKind;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.indicator.IndicatorReportService;
import gov.shaoxing.investment.progress.ProgressImporter;
import gov.shaoxing.investment.measure.MeasureService;
import gov.shaoxing.investment.measure.WorkMeasure;
import gov.shaoxing.investment.official.Official;
import gov.shaoxing.investment.official.OfficialService;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectCategory;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.project.ProjectStatus;
import gov.shaoxing.investment.targets.Indicator;
import gov.shaoxing.investment.targets.Target;
import gov.shaoxing.investment.targets.TargetService;
import gov.shaoxing.investment.targets.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads {@code seed/}: the plan exactly as transcribed, and the demo project set.
 * Idempotent: every document is upserted by its natural key, so loading twice leaves the
 * same data.
 */
@Component
class SeedLoader {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	private final SeedProperties properties;

	private final ResourceLoader resources;

	private final ObjectMapper json;

	private final DistrictService districts;

	private final DepartmentService departments;

	private final OfficialService officials;

	private final TargetService targets;

	private final MeasureService measures;

	private final ProjectService projects;

	private final MongoTemplate mongo;

	private final ProgressImporter progress;

	private final IndicatorReportService indicators;

	SeedLoader(SeedProperties properties, ResourceLoader resources, ObjectMapper json, DistrictService districts,
			DepartmentService departments, OfficialService officials, TargetService targets, MeasureService measures,
			ProjectService projects, MongoTemplate mongo, ProgressImporter progress,
			IndicatorReportService indicators) {
		this.mongo = mongo;
		this.progress = progress;
		this.indicators = indicators;
		this.properties = properties;
		this.resources = resources;
		this.json = json;
		this.districts = districts;
		this.departments = departments;
		this.officials = officials;
		this.targets = targets;
		this.measures = measures;
		this.projects = projects;
	}

	/**
	 * Reads the plan and refuses it, naming every column, when district figures do not
	 * add up to the total.
	 */
	JsonNode plan() {
		JsonNode plan = read(this.properties.plan());
		List<String> problems = PlanValidator.mismatches(plan);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The plan in " + this.properties.plan()
					+ " does not add up; refusing to start:\n  " + String.join("\n  ", problems));
		}
		return plan;
	}

	public boolean isEmpty() {
		return this.districts.all().isEmpty();
	}

	/** Upserts the plan and the demo set. */
	public void load() {
		JsonNode plan = plan();
		int year = plan.get("year").asInt();
		List<District> districtDocs = new ArrayList<>();
		int order = 0;
		for (JsonNode d : plan.get("districts")) {
			districtDocs.add(new District(text(d, "code"), text(d, "name"), text(d, "englishName"),
					DistrictKind.valueOf(text(d, "kind")), order++));
		}
		List<Department> departmentDocs = new ArrayList<>();
		order = 0;
		for (JsonNode d : plan.get("departments")) {
			departmentDocs.add(new Department(text(d, "code"), text(d, "name"), text(d, "englishName"),
					DepartmentKind.valueOf(text(d, "kind")), order++));
		}
		List<Target> targetDocs = targets(plan, year);
		List<WorkMeasure> measureDocs = measures(plan, year);
		this.districts.saveAll(districtDocs);
		this.departments.saveAll(departmentDocs);
		this.targets.saveAll(targetDocs);
		this.measures.saveAll(measureDocs);
		int officialCount = 0;
		int projectCount = 0;
		Resource demo = this.resources.getResource(this.properties.demo());
		if (demo.exists()) {
			JsonNode set = read(this.properties.demo());
			List<Official> officialDocs = new ArrayList<>();
			for (JsonNode o : set.get("officials")) {
				officialDocs.add(new Official(text(o, "id"), text(o, "name"), text(o, "title"),
						text(o, "departmentCode"), text(o, "officePhone"), text(o, "mobile"), text(o, "email"),
						o.get("cityLeader").asBoolean(), o.get("demo").asBoolean()));
			}
			List<Project> projectDocs = new ArrayList<>();
			for (JsonNode p : set.get("projects")) {
				projectDocs.add(project(p, year));
			}
			this.officials.saveAll(officialDocs);
			this.projects.saveAll(projectDocs);
			officialCount = officialDocs.size();
			projectCount = projectDocs.size();
			if (this.properties.demoActivity()) {
				DemoActivity.load(this.mongo, this.progress, this.indicators, projectDocs, districtDocs, targetDocs,
						this.properties.demoThrough());
				log.info("Demo activity generated through {}: progress reports, milestones, indicator reports, notices",
						this.properties.demoThrough());
			}
		}
		log.info(
				"Seed loaded: {} districts, {} departments, {} targets, {} measures, {} demo officials, "
						+ "{} demo projects",
				districtDocs.size(), departmentDocs.size(), targetDocs.size(), measureDocs.size(), officialCount,
				projectCount);
	}

	private static List<Target> targets(JsonNode plan, int year) {
		Map<String, Target> byId = new LinkedHashMap<>();
		for (JsonNode attachment : plan.get("attachments")) {
			String source = "附件" + attachment.get("number").asInt();
			JsonNode columns = attachment.get("columns");
			for (int c = 0; c < columns.size(); c++) {
				JsonNode column = columns.get(c);
				merge(byId, year, null, column, new BigDecimal(attachment.get("total").get(c).asString()), source);
				for (Map.Entry<String, JsonNode> row : attachment.get("rows").properties()) {
					merge(byId, year, row.getKey(), column, new BigDecimal(row.getValue().get(c).asString()), source);
				}
			}
		}
		for (JsonNode t : plan.get("cityTargets")) {
			Indicator indicator = Indicator.valueOf(text(t, "indicator"));
			byId.put(Target.idOf(year, null, indicator),
					new Target(Target.idOf(year, null, indicator), year, null, indicator, Unit.valueOf(text(t, "unit")),
							decimal(t, "guaranteed"), decimal(t, "stretch"), text(t, "source")));
		}
		return List.copyOf(byId.values());
	}

	/**
	 * Adds one cell: the guaranteed and stretch columns of one indicator land on the same
	 * target.
	 */
	private static void merge(Map<String, Target> byId, int year, String district, JsonNode column, BigDecimal value,
			String source) {
		Indicator indicator = Indicator.valueOf(text(column, "indicator"));
		Unit unit = Unit.valueOf(text(column, "unit"));
		String id = Target.idOf(year, district, indicator);
		Target existing = byId.get(id);
		boolean stretch = "stretch".equals(text(column, "value"));
		BigDecimal guaranteed = stretch ? (existing == null ? null : existing.guaranteed()) : value;
		BigDecimal stretchValue = stretch ? value : (existing == null ? null : existing.stretch());
		byId.put(id, new Target(id, year, district, indicator, unit, guaranteed, stretchValue, source));
	}

	private static List<WorkMeasure> measures(JsonNode plan, int year) {
		List<WorkMeasure> list = new ArrayList<>();
		for (JsonNode m : plan.get("measures")) {
			List<WorkMeasure.QuantitativeTarget> quantitative = new ArrayList<>();
			for (JsonNode q : m.get("quantitativeTargets")) {
				quantitative.add(new WorkMeasure.QuantitativeTarget(text(q, "description"), decimal(q, "value"),
						Unit.valueOf(text(q, "unit")), text(q, "text")));
			}
			list.add(new WorkMeasure(year + ":" + text(m, "code"), year, text(m, "code"), text(m, "section"),
					m.get("groupNumber").asInt(), text(m, "group"), m.get("number").asInt(), text(m, "title"),
					text(m, "text"), text(m, "responsibility"), strings(m.get("leadDepartments")),
					WorkMeasure.LeadMode.valueOf(text(m, "leadMode")), strings(m.get("coDepartments")),
					text(m, "otherDepartments"), m.get("districtsImplement").asBoolean(), quantitative));
		}
		return list;
	}

	private static Project project(JsonNode p, int year) {
		JsonNode loc = p.get("location");
		JsonNode liaison = p.get("liaison");
		return new Project(text(p, "code"), ProjectCategory.valueOf(text(p, "category")), text(p, "name"),
				text(p, "districtCode"), text(p, "leadDepartmentCode"), strings(p.get("coDepartmentCodes")),
				text(p, "ownerEnterprise"), decimal(p, "totalInvestment"), decimal(p, "plannedInvestment"),
				p.get("strategicEmerging").asBoolean(), p.get("techUpgradePlan").asBoolean(),
				ProjectStatus.valueOf(text(p, "status")), date(p, "plannedStart"), date(p, "plannedFinish"),
				loc == null || loc.isNull() ? null
						: new Project.Location(loc.get("latitude").asDouble(), loc.get("longitude").asDouble(),
								text(loc, "address")),
				text(p, "nationalCode"),
				liaison == null || liaison.isNull() ? null : new Project.Liaison(text(liaison, "cityLeaderId"),
						text(liaison, "departmentCode"), text(liaison, "cadreId")),
				year, true);
	}

	private JsonNode read(String location) {
		Resource resource = this.resources.getResource(location);
		try (InputStream in = resource.getInputStream()) {
			return this.json.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read seed file " + location, ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static BigDecimal decimal(JsonNode node, String field) {
		String value = text(node, field);
		return value == null ? null : new BigDecimal(value);
	}

	private static LocalDate date(JsonNode node, String field) {
		String value = text(node, field);
		return value == null ? null : LocalDate.parse(value);
	}

	private static List<String> strings(JsonNode array) {
		List<String> list = new ArrayList<>();
		if (array != null) {
			for (JsonNode v : array) {
				list.add(v.asString());
			}
		}
		return list;
	}

}
