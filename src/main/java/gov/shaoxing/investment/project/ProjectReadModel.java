package gov.shaoxing.investment.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
		}
	}

	/**
	 * The project as the store has it now, after an event about it. An older revision
	 * than the one held (a reload that raced a local write) is not applied.
	 */
	void refresh(String code, java.util.function.Function<String, Project> load) {
		if (this.index == null || code == null) {
			return;
		}
		Project fresh = load.apply(code);
		synchronized (this) {
			ProjectIndex current = this.index;
			if (current == null) {
				return;
			}
			Project held = current.byCode(code);
			if (fresh == null) {
				if (held != null) {
					this.index = current.with(List.of(), List.of(code));
				}
			}
			else if (!fresh.equals(held) && (held == null || fresh.revision() >= held.revision())) {
				this.index = current.with(new ArrayList<>(List.of(fresh)), List.of());
			}
		}
	}

	/** Drops the copy; the next read loads every project again. */
	synchronized void invalidate() {
		this.index = null;
	}

}
