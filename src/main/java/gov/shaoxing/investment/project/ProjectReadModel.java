package gov.shaoxing.investment.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import gov.shaoxing.investment.common.Warmable;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.store.BulkReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Every project in memory with its {@link ProjectIndex}, kept up to date change by
 * change: local writes hand over what they saved, other instances' changes are read again
 * by code when the feed brings them. Only used with the read model on.
 */
@Component
class ProjectReadModel implements Warmable {

	private static final Logger log = LoggerFactory.getLogger(ProjectReadModel.class);

	private final BulkReads bulk;

	private final DistrictService districts;

	/** Null until loaded, and again after {@link #invalidate()}. */
	private volatile ProjectIndex index;

	/**
	 * Changes not yet in {@link #index}, by code (null: removed). A snapshot costs time
	 * linear in the collection, so changes wait here until the next read that needs the
	 * whole index: an import of many rows makes one snapshot, not one per row.
	 */
	private final Map<String, Project> pending = new LinkedHashMap<>();

	/** Whether {@link #pending} holds anything; read before {@link #index}. */
	private volatile boolean dirty;

	/** Counts changes applied, so a re-read that raced one is read again. */
	private volatile long changes;

	ProjectReadModel(BulkReads bulk, DistrictService districts) {
		this.bulk = bulk;
		this.districts = districts;
	}

	@Override
	public void warm() {
		index();
	}

	/** The index with every change so far. */
	ProjectIndex index() {
		if (!this.dirty) {
			ProjectIndex current = this.index;
			if (current != null) {
				return current;
			}
		}
		synchronized (this) {
			if (this.index == null) {
				long start = System.nanoTime();
				this.pending.clear();
				this.dirty = false;
				this.index = ProjectIndex.of(this.bulk.template().findAll(Project.class), this.districts.planOrder());
				log.info("Project read model: {} projects indexed in {} ms", this.index.size(),
						(System.nanoTime() - start) / 1_000_000);
			}
			else if (this.dirty) {
				List<Project> changed = new ArrayList<>();
				List<String> removed = new ArrayList<>();
				this.pending.forEach((code, p) -> {
					if (p != null) {
						changed.add(p);
					}
					else {
						removed.add(code);
					}
				});
				this.index = this.index.with(changed, removed);
				this.pending.clear();
				this.dirty = false;
			}
			return this.index;
		}
	}

	/** One project as of every change so far, without making a new snapshot. */
	Project byCode(String code) {
		if (this.dirty) {
			synchronized (this) {
				if (this.index != null && this.pending.containsKey(code)) {
					return this.pending.get(code);
				}
			}
		}
		return index().byCode(code);
	}

	/**
	 * Projects just saved by this instance, or re-loaded in bulk: they replace what the
	 * index holds, whatever its revision.
	 */
	synchronized void saved(Collection<Project> projects) {
		if (this.index != null && !projects.isEmpty()) {
			for (Project p : projects) {
				this.pending.put(p.code(), p);
			}
			this.dirty = true;
			this.changes++;
		}
	}

	/**
	 * The project as the store has it now, after an event about it: read again if a
	 * change was applied meanwhile, so a stale read never overwrites a newer save.
	 */
	void refresh(String code, Function<String, Project> load) {
		while (this.index != null && code != null) {
			long seen = this.changes;
			Project fresh = load.apply(code);
			synchronized (this) {
				ProjectIndex current = this.index;
				if (current == null) {
					return;
				}
				if (this.changes != seen) {
					continue;
				}
				Project held = this.pending.containsKey(code) ? this.pending.get(code) : current.byCode(code);
				if (!Objects.equals(fresh, held)) {
					this.pending.put(code, fresh);
					this.dirty = true;
					this.changes++;
				}
				return;
			}
		}
	}

	/** Drops the copy; the next read loads every project again. */
	synchronized void invalidate() {
		this.index = null;
		this.pending.clear();
		this.dirty = false;
	}

}
