package gov.shaoxing.investment.district;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import gov.shaoxing.investment.common.CachedCollection;
import gov.shaoxing.investment.common.ReadModelProperties;

import org.springframework.stereotype.Service;

/** Reads districts, in the plan's order. */
@Service
public class DistrictService {

	private final DistrictRepository repository;

	private final CachedCollection<District> districts;

	DistrictService(DistrictRepository repository, ReadModelProperties readModel) {
		this.repository = repository;
		this.districts = new CachedCollection<>(readModel, this::loadAll, repository::findAllById, District::code);
	}

	public List<District> all() {
		return this.districts.all();
	}

	public District byCode(String code) {
		return code == null ? null : this.districts.byId(code);
	}

	public Map<String, District> byCodes(Collection<String> codes) {
		return this.districts.byIds(codes);
	}

	/**
	 * Position of each district in the plan's order, for sorting; read once per call, so
	 * take it once per request rather than once per compared item. Unknown codes sort
	 * last.
	 */
	public ToIntFunction<String> planOrder() {
		Map<String, Integer> order = new HashMap<>();
		for (District d : all()) {
			order.put(d.code(), d.planOrder());
		}
		return (code) -> order.getOrDefault(code, Integer.MAX_VALUE);
	}

	public void saveAll(Collection<District> all) {
		this.repository.saveAll(all);
		this.districts.invalidate();
	}

	public void invalidate() {
		this.districts.invalidate();
	}

	private List<District> loadAll() {
		return this.repository.findAll().stream().sorted(Comparator.comparingInt(District::planOrder)).toList();
	}

}
