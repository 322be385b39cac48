package gov.shaoxing.investment.measure;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.CachedCollection;
import gov.shaoxing.investment.common.ReadModelProperties;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads the plan's work measures in section order. */
@Service
public class MeasureService {

	private static final Comparator<WorkMeasure> ORDER = Comparator.comparingInt(WorkMeasure::year)
		.thenComparingInt(WorkMeasure::groupNumber)
		.thenComparingInt(WorkMeasure::number);

	private final MeasureRepository repository;

	private final MongoTemplate mongo;

	private final boolean cached;

	private final CachedCollection<WorkMeasure> measures;

	MeasureService(MeasureRepository repository, MongoTemplate mongo, ReadModelProperties readModel) {
		this.repository = repository;
		this.mongo = mongo;
		this.cached = readModel.enabled();
		this.measures = new CachedCollection<>(readModel, repository::findAll, repository::findAllById,
				WorkMeasure::id);
	}

	public List<WorkMeasure> forYear(int year) {
		return this.measures.all().stream().filter((m) -> m.year() == year).sorted(ORDER).toList();
	}

	public WorkMeasure byId(String id) {
		return this.measures.byId(id);
	}

	/**
	 * Measures each department leads ({@code lead}) or co-implements, in one query when
	 * uncached.
	 */
	public Map<String, List<WorkMeasure>> byDepartments(Collection<String> codes, boolean lead) {
		String field = lead ? "leadDepartmentCodes" : "coDepartmentCodes";
		List<WorkMeasure> found = this.cached ? this.measures.all()
				: this.mongo.find(Query.query(Criteria.where(field).in(codes)), WorkMeasure.class);
		return codes.stream()
			.collect(Collectors.toMap((c) -> c,
					(c) -> found.stream()
						.filter((m) -> (lead ? m.leadDepartmentCodes() : m.coDepartmentCodes()).contains(c))
						.sorted(ORDER)
						.toList(),
					(a, b) -> a));
	}

	public void saveAll(Collection<WorkMeasure> all) {
		this.repository.saveAll(all);
		this.measures.invalidate();
	}

	public void invalidate() {
		this.measures.invalidate();
	}

}
