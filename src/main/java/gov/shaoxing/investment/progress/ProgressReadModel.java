package gov.shaoxing.investment.progress;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import gov.shaoxing.investment.common.ReadModelProperties;
import gov.shaoxing.investment.common.Warmable;
import gov.shaoxing.investment.event.ChangeFeed;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.store.BulkReads;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every project's progress roll-up in memory, so that lights, bulletins and rankings cost
 * no round trip. Local writes land here at once; writes by other instances arrive through
 * the change feed. With the read model off, every read goes to the store.
 */
@Component
public class ProgressReadModel implements Warmable {

	private static final Logger log = LoggerFactory.getLogger(ProgressReadModel.class);

	/** Roll-ups per read of the load: each holds a project's periods. */
	private static final int LOAD_PAGE = 2_000;

	private final MongoTemplate mongo;

	private final BulkReads bulk;

	private final ChangeFeed feed;

	private final boolean enabled;

	/**
	 * Null until loaded; replaced whole on invalidation, so a load racing an invalidation
	 * cannot leave a partial map.
	 */
	private volatile Map<String, ProjectProgress> byProject;

	private Disposable subscription;

	ProgressReadModel(MongoTemplate mongo, BulkReads bulk, ChangeFeed feed, ReadModelProperties readModel) {
		this.mongo = mongo;
		this.bulk = bulk;
		this.feed = feed;
		this.enabled = readModel.enabled();
	}

	@PostConstruct
	void follow() {
		if (this.enabled) {
			this.subscription = this.feed.events()
				.filter((e) -> e.type() == EventType.PROGRESS_CHANGED)
				.publishOn(Schedulers.boundedElastic())
				.subscribe((e) -> reload(e.subjectId()), (ex) -> log.warn("Progress feed failed: {}", ex.toString()));
		}
	}

	@Override
	public void warm() {
		if (this.enabled) {
			loaded();
		}
	}

	public ProjectProgress get(String projectCode) {
		if (!this.enabled) {
			return this.mongo.findById(projectCode, ProjectProgress.class);
		}
		return loaded().get(projectCode);
	}

	public Map<String, ProjectProgress> get(Collection<String> projectCodes) {
		Map<String, ProjectProgress> result = new HashMap<>();
		if (!this.enabled) {
			for (ProjectProgress p : this.mongo.find(Query.query(Criteria.where("_id").in(projectCodes)),
					ProjectProgress.class)) {
				result.put(p.projectCode(), p);
			}
			return result;
		}
		Map<String, ProjectProgress> all = loaded();
		for (String code : projectCodes) {
			ProjectProgress p = all.get(code);
			if (p != null) {
				result.put(code, p);
			}
		}
		return result;
	}

	/** Every roll-up; one query when the read model is off. */
	public Collection<ProjectProgress> all() {
		if (!this.enabled) {
			return this.mongo.findAll(ProjectProgress.class);
		}
		return loaded().values();
	}

	/**
	 * A roll-up this instance just wrote. Keeps the newer version if a feed reload raced
	 * it.
	 */
	void apply(ProjectProgress progress) {
		Map<String, ProjectProgress> current = this.byProject;
		if (this.enabled && current != null) {
			current.merge(progress.projectCode(), progress, (old, next) -> version(next) >= version(old) ? next : old);
		}
	}

	public synchronized void invalidate() {
		this.byProject = null;
	}

	/**
	 * Event subject for a written roll-up: {@code code@version}, so instances skip
	 * versions they already hold.
	 */
	static String subject(ProjectProgress progress) {
		return progress.projectCode() + "@" + version(progress);
	}

	private void reload(String subject) {
		Map<String, ProjectProgress> current = this.byProject;
		if (current == null) {
			return;
		}
		int at = subject.lastIndexOf('@');
		String projectCode = at < 0 ? subject : subject.substring(0, at);
		ProjectProgress held = current.get(projectCode);
		if (at >= 0 && held != null && version(held) >= Long.parseLong(subject.substring(at + 1))) {
			return;
		}
		ProjectProgress fresh = this.mongo.findById(projectCode, ProjectProgress.class);
		if (fresh != null) {
			apply(fresh);
		}
	}

	private Map<String, ProjectProgress> loaded() {
		Map<String, ProjectProgress> current = this.byProject;
		if (current == null) {
			synchronized (this) {
				current = this.byProject;
				if (current == null) {
					Map<String, ProjectProgress> all = new ConcurrentHashMap<>();
					this.bulk.inPages(ProjectProgress.class, LOAD_PAGE, ProjectProgress::projectCode,
							(page) -> page.forEach((p) -> all.merge(p.projectCode(), p,
									(old, next) -> version(next) >= version(old) ? next : old)));
					current = all;
					this.byProject = current;
				}
			}
		}
		return current;
	}

	private static long version(ProjectProgress p) {
		return p.version() == null ? -1 : p.version();
	}

}
