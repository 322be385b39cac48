package gov.shaoxing.investment.target;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.CachedCollection;
import gov.shaoxing.investment.common.ReadModelProperties;
import gov.shaoxing.investment.district.DistrictService;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads annual targets, ordered city-wide first, then districts in plan order, then indicators in schema order. */
@Service
public class TargetService {

	private final TargetRepository repository;

	private final MongoTemplate mongo;

	private final DistrictService districts;

	private final boolean cached;

	private final CachedCollection<Target> targets;

	TargetService(TargetRepository repository, MongoTemplate mongo, DistrictService districts,
			ReadModelProperties readModel) {
		this.repository = repository;
		this.mongo = mongo;
		this.districts = districts;
		this.cached = readModel.enabled();
		this.targets = new CachedCollection<>(readModel, repository::findAll, repository::findAllById, Target::id);
	}

	public List<Target> find(int year, String districtCode, Indicator indicator, TargetScope scope) {
		List<Target> found;
		if (this.cached) {
			found = this.targets.all().stream()
				.filter((t) -> t.year() == year)
				.filter((t) -> districtCode == null || districtCode.equals(t.districtCode()))
				.filter((t) -> indicator == null || t.indicator() == indicator)
				.toList();
		}
		else {
			Criteria criteria = Criteria.where("year").is(year);
			if (districtCode != null) {
				criteria.and("districtCode").is(districtCode);
			}
			if (indicator != null) {
				criteria.and("indicator").is(indicator);
			}
			found = this.mongo.find(Query.query(criteria), Target.class);
		}
		return found.stream()
			.filter((t) -> scope == null || scope == TargetScope.ALL || (scope == TargetScope.CITY) == t.cityWide())
			.sorted(order())
			.toList();
	}

	/** Targets of each (district, year), in one query when uncached. */
	public Map<DistrictYear, List<Target>> forDistricts(Collection<DistrictYear> keys) {
		List<String> codes = keys.stream().map(DistrictYear::districtCode).distinct().toList();
		List<Integer> years = keys.stream().map(DistrictYear::year).distinct().toList();
		List<Target> found = this.cached
				? this.targets.all().stream()
					.filter((t) -> codes.contains(t.districtCode()) && years.contains(t.year()))
					.toList()
				: this.mongo.find(Query.query(Criteria.where("districtCode").in(codes).and("year").in(years)),
						Target.class);
		Map<DistrictYear, List<Target>> grouped = found.stream()
			.sorted(order())
			.collect(Collectors.groupingBy((t) -> new DistrictYear(t.districtCode(), t.year())));
		return keys.stream().collect(Collectors.toMap(Function.identity(),
				(k) -> grouped.getOrDefault(k, List.of()), (a, b) -> a));
	}

	public void saveAll(Collection<Target> all) {
		this.repository.saveAll(all);
		this.targets.invalidate();
	}

	public void invalidate() {
		this.targets.invalidate();
	}

	private Comparator<Target> order() {
		java.util.function.ToIntFunction<String> districtOrder = this.districts.planOrder();
		return Comparator.comparingInt((Target t) -> t.cityWide() ? -1 : districtOrder.applyAsInt(t.districtCode()))
			.thenComparing(Target::indicator)
			.thenComparingInt(Target::year);
	}

}
