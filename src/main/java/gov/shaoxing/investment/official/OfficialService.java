package gov.shaoxing.investment.official;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.CachedCollection;
import gov.shaoxing.investment.common.ReadModelProperties;
import gov.shaoxing.investment.event.ChangeFeed;
import gov.shaoxing.investment.event.EventType;
import jakarta.annotation.PostConstruct;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads officials. */
@Service
public class OfficialService {

	private final OfficialRepository repository;

	private final MongoTemplate mongo;

	private final boolean cached;

	private final CachedCollection<Official> officials;

	private final ChangeFeed feed;

	OfficialService(OfficialRepository repository, MongoTemplate mongo, ReadModelProperties readModel,
			ChangeFeed feed) {
		this.feed = feed;
		this.repository = repository;
		this.mongo = mongo;
		this.cached = readModel.enabled();
		this.officials = new CachedCollection<>(readModel, repository::findAll, repository::findAllById, Official::id);
	}

	public Official byId(String id) {
		return id == null ? null : this.officials.byId(id);
	}

	public Map<String, Official> byIds(Collection<String> ids) {
		return this.officials.byIds(ids);
	}

	/** Officials of each given department, in one query when uncached. */
	public Map<String, List<Official>> byDepartments(Collection<String> departmentCodes) {
		List<Official> found = this.cached
				? this.officials.all().stream().filter((o) -> departmentCodes.contains(o.departmentCode())).toList()
				: this.mongo.find(Query.query(Criteria.where("departmentCode").in(departmentCodes)), Official.class);
		return found.stream().collect(Collectors.groupingBy(Official::departmentCode));
	}

	public void saveAll(Collection<Official> all) {
		this.repository.saveAll(all);
		this.officials.invalidate();
	}

	public void invalidate() {
		this.officials.invalidate();
	}

	@PostConstruct
	void follow() {
		this.feed.follow(Set.of(EventType.OFFICIAL_CHANGED), this::invalidate);
	}

}
