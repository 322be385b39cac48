package gov.shaoxing.investment.targets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.EnglishLabels;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.live.LiveUpdates;
import gov.shaoxing.investment.security.CurrentActor;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class TargetController {

	private final TargetService targets;

	private final DistrictService districts;

	private final LiveUpdates live;

	private final EnglishLabels english;

	TargetController(TargetService targets, DistrictService districts, LiveUpdates live, BatchLoaderRegistry registry,
			EnglishLabels english) {
		this.english = english;
		this.targets = targets;
		this.live = live;
		this.districts = districts;
		registry.<DistrictYear, List<Target>>forName("districtTargets")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> targets.forDistricts(keys)));
	}

	@QueryMapping
	List<Target> targets(@Argument int year, @Argument String districtCode, @Argument Indicator indicator,
			@Argument TargetScope scope) {
		return this.targets.find(year, districtCode, indicator, scope);
	}

	@MutationMapping
	TargetPayload updateTarget(@Argument UpdateTargetInput input) {
		try {
			return new TargetPayload(this.targets.update(input, CurrentActor.get()), List.of());
		}
		catch (ExpectedFailure ex) {
			return new TargetPayload(null, ex.errors());
		}
	}

	/**
	 * Read from the store, not the read model: this instance's copy may not have heard of
	 * the change yet.
	 */
	@SubscriptionMapping
	Flux<Target> targetChanged(@Argument String districtCode) {
		return this.live.of(EventType.TARGET_CHANGED,
				(e) -> districtCode == null || districtCode.equals(e.districtCode()), this.targets::stored);
	}

	@SchemaMapping(typeName = "District", field = "targets")
	CompletableFuture<List<Target>> districtTargets(District district, @Argument int year,
			DataLoader<DistrictYear, List<Target>> districtTargets) {
		return districtTargets.load(new DistrictYear(district.code(), year));
	}

	@BatchMapping
	Map<Target, District> district(List<Target> targets) {
		Map<String, District> found = this.districts
			.byCodes(targets.stream().map(Target::districtCode).filter((c) -> c != null).distinct().toList());
		return targets.stream()
			.filter((t) -> t.districtCode() != null && found.containsKey(t.districtCode()))
			.collect(Collectors.toMap((t) -> t, (t) -> found.get(t.districtCode()), (a, b) -> a));
	}

	@SchemaMapping
	String id(Target target) {
		return GlobalId.encode("Target", target.id());
	}

	@SchemaMapping
	String unitLabel(Target target) {
		return target.unit().label();
	}

	@SchemaMapping
	String label(Target target) {
		return target.indicator().label();
	}

	@SchemaMapping
	String englishLabel(Target target) {
		return this.english.of("indicator", target.indicator().name());
	}

	@SchemaMapping
	String englishUnitLabel(Target target) {
		return this.english.of("unit", target.unit().name());
	}

}
