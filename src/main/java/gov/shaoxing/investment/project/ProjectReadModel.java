package gov.shaoxing.investment.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import gov.shaoxing.investment.district.DistrictService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Every project in memory with its {@link ProjectIndex}, kept up to date change by
 * change: local writes hand over what they saved, other instances' changes are read again
 * by code when the feed brings them. Only used with the read model on.
 */
@Component
class ProjectReadModel {

	private static final Logger log = LoggerFactory.getLogger(ProjectReadModel.class);

	private final ProjectRepository repository;

	private final DistrictService districts;

	/** Null until loaded, and again after {@link #invalidate()}. */
	private volatile ProjectIndex index;

	/** Counts changes applied, so a re-read that raced one is read again. */
	private volatile long changes;

	ProjectReadModel(ProjectRepository repository, DistrictService districts) {
		this.repository = repository;
		this.districts = districts;
	}

	ProjectIndex index() {
		ProjectIndex current = this.index;
		if (current == null) {
			synchronized (this) {
				current = this.index;
				if (current == null) {
					long start = System.nanoTime();
					current = ProjectIndex.of(this.repository.findAll(), this.districts.planOrder());
					this.index = current;
					log.info("Project read model: {} projects indexed in {} ms", current.size(),
							(System.nanoTime() - start) / 1_000_000);
				}
			}
		}
		return current;
	}

	/**
	 * Projects just saved by this instance, or re-loaded in bulk: they replace what the
	 * index holds, whatever its revision.
	 */
	synchronized void saved(Collection<Project> projects) {
		if (this.index != null && !projects.isEmpty()) {
			this.index = this.index.with(projects, List.of());
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
				Project held = current.byCode(code);
				if (fresh == null && held != null) {
					this.index = current.with(List.of(), List.of(code));
					this.changes++;
				}
				else if (fresh != null && !fresh.equals(held)) {
					this.index = current.with(new ArrayList<>(List.of(fresh)), List.of());
					this.changes++;
				}
				return;
			}
		}
	}

	/** Drops the copy; the next read loads every project again. */
	synchronized void invalidate() {
		this.index = null;
	}

}
