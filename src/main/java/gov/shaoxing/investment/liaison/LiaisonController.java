package gov.shaoxing.investment.liaison;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import gov.shaoxing.investment.notice.Notice;
import gov.shaoxing.investment.official.Official;
import gov.shaoxing.investment.official.OfficialService;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class LiaisonController {

	private final LiaisonService liaisons;

	private final OfficialService officials;

	LiaisonController(LiaisonService liaisons, OfficialService officials, BatchLoaderRegistry registry) {
		this.liaisons = liaisons;
		this.officials = officials;
		// every Official.scorecard of a request in one computation per plan year
		registry.<ScorecardKey, Scorecard>forName("scorecards")
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> {
				Map<ScorecardKey, Scorecard> result = new HashMap<>();
				keys.stream().collect(Collectors.groupingBy(ScorecardKey::year)).forEach((year, group) -> {
					Map<String, Scorecard> cards = liaisons
						.scorecards(group.stream().map(ScorecardKey::official).distinct().toList(), year);
					group.forEach((k) -> result.put(k, cards.get(k.official().id())));
				});
				return result;
			}));
	}

	@SchemaMapping(typeName = "Official", field = "scorecard")
	CompletableFuture<Scorecard> scorecard(Official official, @Argument int year,
			DataLoader<ScorecardKey, Scorecard> scorecards) {
		return scorecards.load(new ScorecardKey(official, year));
	}

	@QueryMapping
	List<Urgency> whoToCall(@Argument String districtCode, @Argument Integer first) {
		return this.liaisons.whoToCall(districtCode, first);
	}

	@BatchMapping(typeName = "Notice", field = "escalatedTo")
	Map<Notice, Official> escalatedTo(List<Notice> notices) {
		Map<String, Official> found = this.officials
			.byIds(notices.stream().map(Notice::officialId).filter(Objects::nonNull).distinct().toList());
		Map<Notice, Official> result = new HashMap<>();
		notices.stream()
			.filter((n) -> n.officialId() != null && found.containsKey(n.officialId()))
			.forEach((n) -> result.put(n, found.get(n.officialId())));
		return result;
	}

	/** Batch key for {@code Official.scorecard}. */
	record ScorecardKey(Official official, int year) {
	}

}
