package gov.shaoxing.investment;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test class or test was skipped (for example "Docker is not available"), so
 * the build log says it.
 */
public class SkippedTestsReporter implements TestExecutionListener {

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		System.out.println("SKIPPED " + test.getDisplayName() + ": " + reason);
	}

}
