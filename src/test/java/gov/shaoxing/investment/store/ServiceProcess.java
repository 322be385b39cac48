package gov.shaoxing.investment.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as a real child process on the test class path, as {@code java -cp} starts
 * it, so a test can kill it with SIGKILL and start it again on the same data.
 */
final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private ServiceProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the service on the embedded file store in {@code dataDir}; waits until it
	 * answers.
	 */
	static ServiceProcess start(Path dataDir, Path log, String... extraArguments) throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp",
				System.getProperty("java.class.path"), "gov.shaoxing.investment.InvestmentApplication",
				"--server.port=" + port, "--investment.store.mode=file", "--investment.store.data-dir=" + dataDir,
				"--spring.jmx.enabled=false", "--investment.seed.demo-activity=false",
				"--investment.supervision.light-sweep-initial-delay=PT1H",
				"--investment.notices.sweep-initial-delay=PT1H"));
		command.addAll(List.of(extraArguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		ServiceProcess service = new ServiceProcess(process, port);
		service.awaitReady(Duration.ofSeconds(120));
		return service;
	}

	int port() {
		return this.port;
	}

	/** SIGKILL on Linux: no shutdown hook runs, nothing is flushed. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** A normal stop (SIGTERM). */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void awaitReady(Duration timeout) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The service exited with " + this.process.exitValue());
			}
			try {
				HttpResponse<String> health = http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				// 503 is an answer too: health may be DOWN on purpose (a full disk)
				if (health.statusCode() == 200 || health.statusCode() == 503) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		kill();
		throw new IllegalStateException("The service did not start within " + timeout);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
