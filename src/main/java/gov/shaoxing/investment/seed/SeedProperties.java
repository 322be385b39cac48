package gov.shaoxing.investment.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Seed loading: at first start on an empty database ({@code onEmpty}), from these classpath files. */
@ConfigurationProperties("investment.seed")
record SeedProperties(Boolean onEmpty, String plan, String demo) {

	SeedProperties {
		onEmpty = onEmpty == null || onEmpty;
		plan = plan == null ? "classpath:seed/plan-2012.json" : plan;
		demo = demo == null ? "classpath:seed/demo-projects.json" : demo;
	}

}
