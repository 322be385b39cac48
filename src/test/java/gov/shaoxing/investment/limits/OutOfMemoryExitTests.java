package gov.shaoxing.investment.limits;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented launch sets the JVM to exit on {@link OutOfMemoryError}, and with the
 * flag as configured a JVM whose heap runs out really exits, even while other threads (a
 * server's) would keep it running.
 */
class OutOfMemoryExitTests {

	static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

	static String pom() throws Exception {
		return Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
	}

	static String springBootRunArguments() throws Exception {
		Matcher plugin = Pattern
			.compile("<artifactId>spring-boot-maven-plugin</artifactId>\\s*<configuration>.*?<jvmArguments>(.*?)"
					+ "</jvmArguments>", Pattern.DOTALL)
			.matcher(pom());
		assertThat(plugin.find()).as("spring-boot-maven-plugin jvmArguments in pom.xml").isTrue();
		return plugin.group(1).trim();
	}

	@Test
	void springBootRunTheJarLaunchAndTheBenchmarkExitOnOutOfMemory() throws Exception {
		assertThat(springBootRunArguments()).contains(FLAG);
		Matcher bench = Pattern.compile("<bench.jvmArgs>(.*?)</bench.jvmArgs>").matcher(pom());
		assertThat(bench.find()).isTrue();
		assertThat(bench.group(1)).contains(FLAG);
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		List<String> launches = readme.lines().filter((line) -> line.matches("^java .*-jar .*")).toList();
		assertThat(launches).as("java -jar lines in README.md").isNotEmpty().allMatch((line) -> line.contains(FLAG));
	}

	@Test
	void aJvmStartedWithTheseArgumentsExitsWhenItsHeapRunsOut() throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(Arrays.asList(springBootRunArguments().split("\\s+")));
		command
			.addAll(List.of("-Xmx32m", "-cp", System.getProperty("java.class.path"), HeapExhaustion.class.getName()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(new File("target/out-of-memory-exit.log"))
			.start();
		boolean exited = process.waitFor(60, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly();
		}
		assertThat(exited).as("the JVM exited after running out of heap").isTrue();
		assertThat(process.exitValue()).isNotZero();
	}

	/**
	 * Keeps a non-daemon thread alive, as a web server does, and fills the heap on
	 * another.
	 */
	static final class HeapExhaustion {

		public static void main(String[] args) throws Exception {
			Thread server = new Thread(() -> {
				try {
					Thread.sleep(Long.MAX_VALUE);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			server.start();
			List<long[]> hoard = new ArrayList<>();
			while (true) {
				hoard.add(new long[1 << 20]);
			}
		}

	}

}
