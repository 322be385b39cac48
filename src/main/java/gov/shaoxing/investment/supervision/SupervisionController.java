package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import gov.shaoxing.investment.progress.SupervisionCalendar;
import gov.shaoxing.investment.targets.Target;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class SupervisionController {

	private final BulletinService bulletins;

	private final SupervisionCalendar calendar;

	SupervisionController(BulletinService bulletins, ActualsService actuals, SupervisionCalendar calendar,
			BatchLoaderRegistry registry) {
		this.bulletins = bulletins;
		this.calendar = calendar;
		registry.<ActualsKey, Actuals>forName("actuals")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> {
				Map<ActualsKey, Actuals> result = new HashMap<>();
				keys.forEach((k) -> result.put(k, actuals.compute(k.year(), k.asOf())));
				return result;
			}));
	}

	@QueryMapping
	Bulletin bulletin(@Argument int year, @Argument int month) {
		return this.bulletins.monthly(year, month);
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
