package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.progress.ProgressCalendar;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectFilter;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.security.CurrentActor;
import gov.shaoxing.investment.targets.Target;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class SupervisionController {

	private final BulletinService bulletins;

	private final BulletinPublications publications;

	private final ProgressCalendar calendar;

	private final DistrictService districts;

	private final ProjectService projects;

	private final ProgressAggregateService aggregates;

	SupervisionController(BulletinService bulletins, BulletinPublications publications, ActualsService actuals,
			ProgressCalendar calendar, DistrictService districts, ProjectService projects,
			ProgressAggregateService aggregates, BatchLoaderRegistry registry) {
		this.aggregates = aggregates;
		this.bulletins = bulletins;
		this.publications = publications;
		this.calendar = calendar;
		this.districts = districts;
		this.projects = projects;
		registry.<ActualsKey, Actuals>forName("actuals")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> {
				Map<ActualsKey, Actuals> result = new HashMap<>();
				keys.forEach((k) -> result.put(k, actuals.compute(k.year(), k.asOf())));
				return result;
			}));
	}

	@QueryMapping
	Bulletin bulletin(@Argument int year, @Argument int month, @Argument Integer ruleVersion,
			@Argument Boolean asPublished, @Argument OffsetDateTime knownAt) {
		if (Boolean.TRUE.equals(asPublished)) {
			if (ruleVersion != null || knownAt != null) {
				throw ApiException.detailed(ErrorCode.INVALID_ARGUMENT, "asPublished", "asPublished");
			}
			Bulletin published = this.publications.published(year, month);
			if (published == null) {
				throw new ApiException(ErrorCode.BULLETIN_NOT_PUBLISHED, "asPublished", year, month);
			}
			return published;
		}
		return this.bulletins.monthly(year, month, ruleVersion, knownAt == null ? null : knownAt.toInstant());
	}

	@QueryMapping
	List<ProgressAggregateService.ProgressGroup> progressAggregate(@Argument ProjectFilter filter,
			@Argument List<ProgressGroupBy> by, @Argument int year) {
		return this.aggregates.aggregate(filter, by, year);
	}

	@QueryMapping
	List<BulletinChange> bulletinChanges(@Argument int year, @Argument int month) {
		List<BulletinChange> changes = this.publications.changes(year, month);
		if (changes == null) {
			throw new ApiException(ErrorCode.BULLETIN_NOT_PUBLISHED, "month", year, month);
		}
		return changes;
	}

	@MutationMapping
	PublishBulletinPayload publishBulletin(@Argument int year, @Argument int month) {
		try {
			return new PublishBulletinPayload(this.publications.publish(year, month, CurrentActor.get()), List.of());
		}
		catch (ExpectedFailure ex) {
			return new PublishBulletinPayload(null, ex.errors());
		}
	}

	@SchemaMapping(typeName = "Bulletin")
	Instant publishedAt(Bulletin bulletin) {
		return bulletin.publication() == null ? null : bulletin.publication().publishedAt();
	}

	@SchemaMapping(typeName = "Bulletin")
	String publishedBy(Bulletin bulletin) {
		return bulletin.publication() == null ? null : bulletin.publication().publishedBy();
	}

	@SchemaMapping(typeName = "Bulletin")
	boolean published(Bulletin bulletin) {
		return bulletin.publication() != null;
	}

	@BatchMapping(typeName = "BulletinChange")
	Map<BulletinChange, District> district(List<BulletinChange> changes) {
		Map<String, District> found = this.districts
			.byCodes(changes.stream().map(BulletinChange::districtCode).filter(Objects::nonNull).distinct().toList());
		Map<BulletinChange, District> result = new HashMap<>();
		changes.stream()
			.filter((c) -> c.districtCode() != null && found.containsKey(c.districtCode()))
			.forEach((c) -> result.put(c, found.get(c.districtCode())));
		return result;
	}

	@BatchMapping(typeName = "BulletinChange")
	Map<BulletinChange, Project> project(List<BulletinChange> changes) {
		Map<String, Project> found = this.projects
			.byCodes(changes.stream().map(BulletinChange::projectCode).filter(Objects::nonNull).distinct().toList());
		Map<BulletinChange, Project> result = new HashMap<>();
		changes.stream()
			.filter((c) -> c.projectCode() != null && found.containsKey(c.projectCode()))
			.forEach((c) -> result.put(c, found.get(c.projectCode())));
		return result;
	}

	/** Result of {@code publishBulletin}. */
	record PublishBulletinPayload(Bulletin bulletin, List<PayloadError> errors) {
	}

	@QueryMapping
	Bulletin quarterlyReport(@Argument int year, @Argument int quarter) {
		return this.bulletins.quarterly(year, quarter);
	}

	@QueryMapping
	List<Bulletin.DistrictScore> ranking(@Argument int year) {
		return this.bulletins.ranking(year);
	}

	@SchemaMapping(typeName = "Target")
	CompletableFuture<BigDecimal> actual(Target target, @Argument LocalDate asOf,
			DataLoader<ActualsKey, Actuals> actuals) {
		return load(target, asOf, actuals).thenApply((a) -> a.actual(target));
	}

	@SchemaMapping(typeName = "Target")
	CompletableFuture<BigDecimal> completionRate(Target target, @Argument LocalDate asOf,
			DataLoader<ActualsKey, Actuals> actuals) {
		return load(target, asOf, actuals).thenApply((a) -> Actuals.rate(a.actual(target), target.guaranteed()));
	}

	@SchemaMapping(typeName = "Target")
	CompletableFuture<BigDecimal> stretchCompletionRate(Target target, @Argument LocalDate asOf,
			DataLoader<ActualsKey, Actuals> actuals) {
		return load(target, asOf, actuals).thenApply((a) -> Actuals.rate(a.actual(target), target.stretch()));
	}

	@SchemaMapping(typeName = "Target")
	CompletableFuture<BigDecimal> plannedShare(Target target, @Argument LocalDate asOf,
			DataLoader<ActualsKey, Actuals> actuals) {
		return load(target, asOf, actuals).thenApply((a) -> a.plannedShare(target));
	}

	@SchemaMapping(typeName = "Target")
	CompletableFuture<BigDecimal> plannedToDate(Target target, @Argument LocalDate asOf,
			DataLoader<ActualsKey, Actuals> actuals) {
		return load(target, asOf, actuals).thenApply((a) -> a.plannedToDate(target));
	}

	@SchemaMapping(typeName = "Target")
	CompletableFuture<BigDecimal> scheduleRate(Target target, @Argument LocalDate asOf,
			DataLoader<ActualsKey, Actuals> actuals) {
		return load(target, asOf, actuals).thenApply((a) -> Actuals.rate(a.actual(target), a.plannedToDate(target)));
	}

	private CompletableFuture<Actuals> load(Target target, LocalDate asOf, DataLoader<ActualsKey, Actuals> actuals) {
		return actuals.load(new ActualsKey(target.year(), asOf != null ? asOf : this.calendar.asOf(target.year())));
	}

	/**
	 * Batch key: all targets of a request asked about the same day share one computation.
	 */
	record ActualsKey(int year, LocalDate asOf) {
	}

}
