package gov.shaoxing.investment.limits;

import java.util.HashMap;
import java.util.Map;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only variables that can change a cost tell one cached cost from another. */
class CostMemoTests {

	static final String DOCUMENT = """
			query districtPage($code: ID!, $n: Int, $more: Boolean!, $filter: ProjectFilter) {
			  district(code: $code) {
			    projects(filter: $filter, first: $n) { nodes { code liaison @include(if: $more) { cadre { name } } } }
			  }
			}""";

	@Test
	void pageSizesAndSkipOrIncludeConditionsAreTheVariablesThatCount() {
		assertThat(CostMemo.of(Parser.parse(DOCUMENT)).variables()).containsExactly("more", "n");
	}

	@Test
	void otherIdsShareACostButOtherPageSizesDoNot() {
		CostMemo memo = CostMemo.of(Parser.parse(DOCUMENT));
		memo.put("districtPage", Map.of("code", "ZHUJI", "n", 10, "more", false), 22);
		assertThat(memo.get("districtPage", Map.of("code", "SHANGYU", "n", 10, "more", false))).isEqualTo(22);
		assertThat(memo.get("districtPage", Map.of("code", "ZHUJI", "n", 50, "more", false))).isNull();
		assertThat(memo.get("districtPage", Map.of("code", "ZHUJI", "n", 10, "more", true))).isNull();
		assertThat(memo.get("otherOperation", Map.of("code", "ZHUJI", "n", 10, "more", false))).isNull();
		Map<String, Object> leftOut = new HashMap<>(Map.of("code", "ZHUJI", "more", false));
		assertThat(memo.get("districtPage", leftOut)).isNull();
	}

	@Test
	void keepsABoundedNumberOfVariants() {
		CostMemo memo = CostMemo.of(Parser.parse(DOCUMENT));
		for (int n = 0; n < CostMemo.MAX_VARIANTS + 10; n++) {
			memo.put(null, Map.of("n", n, "more", false), n);
		}
		assertThat(memo.get(null, Map.of("n", CostMemo.MAX_VARIANTS - 1, "more", false))).isNotNull();
		assertThat(memo.get(null, Map.of("n", CostMemo.MAX_VARIANTS, "more", false))).isNull();
	}

}
