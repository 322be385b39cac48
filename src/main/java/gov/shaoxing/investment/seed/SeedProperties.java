package gov.shaoxing.investment.seed;

import java.time.YearMonth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Seed loading: at first start on an empty database ({@code onEmpty}), from these
 * classpath files, plus generated demo supervision activity through {@code demoThrough}
 * unless {@code demoActivity} is off.
 */
@ConfigurationProperties("investment.seed")
record SeedProperties(Boolean onEmpty, String plan, String demo, Boolean demoActivity, YearMonth demoThrough) {

	SeedProperties {
		demoActivity = demoActivity == null || demoActivity;
		demoThrough = demoThrough == null ? YearMonth.of(2012, 12) : demoThrough;
		onEmpty = onEmpty == null || onEmpty;
		plan = plan == null ? "classpath:seed/plan-2012.json" : plan;
		demo = demo == null ? "classpath:seed/demo-projects.json" : demo;
	}

}
