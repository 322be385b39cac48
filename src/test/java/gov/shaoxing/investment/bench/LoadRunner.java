package gov.shaoxing.investment.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.management.OperatingSystemMXBean;

/**
 * Closed-loop load: a fixed number of client threads, each sending its next request as
 * soon as the previous answer has arrived, over one keep-alive HTTP/1.1 connection per
 * thread. Records every latency and the CPU the process and the client side spent, so the
 * server's share can be told apart when both run in one JVM.
 */
final class LoadRunner implements AutoCloseable {

	private static final String CLIENT_THREAD = "bench-client-";

	/** The {@code Authorization} header every request carries, or null. */
	static volatile String authorization;

	/** Linux reports thread CPU in clock ticks of 1/100 s (USER_HZ). */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private static final String HTTP_THREAD = "bench-http-";

	private final URI uri;

	private final int clients;

	private final long seed;

	private final boolean plainClient;

	private final ExecutorService httpExecutor;

	private final HttpClient http;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	/**
	 * A runner whose client threads send with {@code java.net.http} (one shared
	 * {@link HttpClient}) or, with {@code plainClient}, each over its own
	 * {@link PlainHttpConnection}.
	 */
	LoadRunner(URI uri, int clients, long seed, boolean plainClient) {
		this.uri = uri;
		this.clients = clients;
		this.seed = seed;
		this.plainClient = plainClient;
		AtomicInteger count = new AtomicInteger();
		this.httpExecutor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, HTTP_THREAD + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(this.httpExecutor)
			.build();
	}

	/** One request with {@code java.net.http}, for checks before the run. */
	PlainHttpConnection.Response send(byte[] body) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request(body), HttpResponse.BodyHandlers.ofString());
		return new PlainHttpConnection.Response(response.statusCode(), response.body());
	}

	/**
	 * Runs the operation for the duration with every client thread and returns what was
	 * measured.
	 */
	Result run(Operation operation, Duration duration) throws InterruptedException {
		Client[] workers = new Client[this.clients];
		CountDownLatch ready = new CountDownLatch(this.clients);
		CountDownLatch go = new CountDownLatch(1);
		Thread[] threads = new Thread[this.clients];
		for (int i = 0; i < this.clients; i++) {
			workers[i] = new Client(operation, new SplittableRandom(this.seed * 1_000_003L + i), ready, go);
			threads[i] = new Thread(workers[i], CLIENT_THREAD + (i + 1));
			threads[i].setDaemon(true);
			threads[i].start();
		}
		ready.await();
		Map<Long, Long> httpCpuBefore = httpThreadCpu();
		long processCpuBefore = this.os.getProcessCpuTime();
		long[] gcBefore = gc();
		Map<Long, long[]> jvmThreadsBefore = jvmThreadTicks();
		long[] machineBefore = machineTicks();
		long start = System.nanoTime();
		go.countDown();
		Thread.sleep(duration.toMillis());
		for (Client worker : workers) {
			worker.stop = true;
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long elapsed = System.nanoTime() - start;
		long processCpu = this.os.getProcessCpuTime() - processCpuBefore;
		long[] gcAfter = gc();
		long[] jvmThreads = ticksSince(jvmThreadsBefore);
		long[] machineAfter = machineTicks();
		double machineBusy = (machineBefore != null && machineAfter != null && machineAfter[1] > machineBefore[1])
				? (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]) : Double.NaN;
		long clientCpu = 0;
		for (Map.Entry<Long, Long> after : httpThreadCpu().entrySet()) {
			clientCpu += after.getValue() - httpCpuBefore.getOrDefault(after.getKey(), 0L);
		}
		int requests = 0;
		int errors = 0;
		String firstFailure = null;
		for (Client worker : workers) {
			requests += worker.count;
			errors += worker.errors;
			clientCpu += worker.cpu;
			firstFailure = (firstFailure != null) ? firstFailure : worker.firstFailure;
		}
		long[] latencies = new long[requests];
		int at = 0;
		for (Client worker : workers) {
			System.arraycopy(worker.latencies, 0, latencies, at, worker.count);
			at += worker.count;
		}
		Arrays.sort(latencies);
		return new Result(operation, requests, errors, elapsed, latencies, processCpu, clientCpu,
				gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], jvmThreads[0] * NANOS_PER_TICK,
				jvmThreads[1] * NANOS_PER_TICK, machineBusy, firstFailure);
	}

	private HttpRequest request(byte[] body) {
		return HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json, application/json")
			.headers(authorization == null ? new String[] { "X-Bench", "1" }
					: new String[] { "Authorization", authorization })
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	/**
	 * CPU time of the HTTP client's own threads (selector and executor), by thread id.
	 */
	private Map<Long, Long> httpThreadCpu() {
		Map<Long, Long> cpu = new HashMap<>();
		for (ThreadInfo info : this.threads.getThreadInfo(this.threads.getAllThreadIds())) {
			if (info != null && (info.getThreadName().startsWith(HTTP_THREAD)
					|| info.getThreadName().startsWith("HttpClient-"))) {
				long time = this.threads.getThreadCpuTime(info.getThreadId());
				if (time >= 0) {
					cpu.put(info.getThreadId(), time);
				}
			}
		}
		return cpu;
	}

	/**
	 * Busy and total CPU ticks of the whole machine from {@code /proc/stat} (Linux), to
	 * show when other processes competed for the CPUs during a run; null where it cannot
	 * be read.
	 */
	private static long[] machineTicks() {
		try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/stat"))) {
			String[] fields = reader.readLine().trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * CPU ticks so far of the JVM's own threads, which {@link ThreadMXBean} does not
	 * show, by Linux thread id: the JIT compilers' ({@code C1/C2 CompilerThread}) at
	 * index 0 and the garbage collector's ({@code GC Thread#n}, {@code G1 ...},
	 * {@code VM Thread}) at index 1. Empty where {@code /proc/self/task} cannot be read.
	 */
	private static Map<Long, long[]> jvmThreadTicks() {
		Map<Long, long[]> ticks = new HashMap<>();
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
			for (Path task : tasks) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					int open = stat.indexOf('(');
					int close = stat.lastIndexOf(')');
					String name = stat.substring(open + 1, close);
					int kind = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") ? 0
							: name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? 1
									: -1;
					if (kind >= 0) {
						// After the name: state is field 3, utime and stime are fields 14
						// and 15 of the whole line.
						String[] fields = stat.substring(close + 2).split(" ");
						long[] value = new long[2];
						value[kind] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
						ticks.put(Long.parseLong(task.getFileName().toString()), value);
					}
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended while being read: leave it out
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
		return ticks;
	}

	/**
	 * Ticks of JIT and GC threads since the snapshot; threads started since count from
	 * zero.
	 */
	private static long[] ticksSince(Map<Long, long[]> before) {
		long[] total = new long[2];
		for (Map.Entry<Long, long[]> now : jvmThreadTicks().entrySet()) {
			long[] then = before.getOrDefault(now.getKey(), new long[2]);
			for (int i = 0; i < 2; i++) {
				total[i] += Math.max(0, now.getValue()[i] - then[i]);
			}
		}
		return total;
	}

	private static long[] gc() {
		long count = 0;
		long millis = 0;
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, bean.getCollectionCount());
			millis += Math.max(0, bean.getCollectionTime());
		}
		return new long[] { count, millis };
	}

	@Override
	public void close() {
		this.httpExecutor.shutdownNow();
	}

	/** One client thread: its own random sequence, its own latency record. */
	private final class Client implements Runnable {

		private final Operation operation;

		private final SplittableRandom random;

		private final CountDownLatch ready;

		private final CountDownLatch go;

		private volatile boolean stop;

		private long[] latencies = new long[1 << 14];

		private int count;

		private int errors;

		private long cpu;

		private String firstFailure;

		Client(Operation operation, SplittableRandom random, CountDownLatch ready, CountDownLatch go) {
			this.operation = operation;
			this.random = random;
			this.ready = ready;
			this.go = go;
		}

		private PlainHttpConnection.Response send(HttpRequest request) throws IOException, InterruptedException {
			HttpResponse<String> response = LoadRunner.this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new PlainHttpConnection.Response(response.statusCode(), response.body());
		}

		private void record(long latency, String failure) {
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = latency;
			if (failure != null) {
				this.errors++;
				if (this.firstFailure == null) {
					this.firstFailure = failure;
				}
			}
		}

		@Override
		public void run() {
			this.ready.countDown();
			try {
				this.go.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long cpuStart = LoadRunner.this.threads.getCurrentThreadCpuTime();
			try (PlainHttpConnection plain = LoadRunner.this.plainClient ? new PlainHttpConnection(LoadRunner.this.uri)
					: null) {
				while (!this.stop) {
					byte[] body = this.operation.nextBody(this.random);
					HttpRequest request = (plain != null) ? null : request(body);
					long start = System.nanoTime();
					String failure = null;
					try {
						PlainHttpConnection.Response response = (plain != null) ? plain.post(body) : send(request);
						if (!this.operation.accepts(response.status(), response.body())) {
							failure = response.status() + " " + response.body();
						}
					}
					catch (IOException ex) {
						failure = ex.toString();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						break;
					}
					record(System.nanoTime() - start, failure);
				}
			}
			this.cpu = LoadRunner.this.threads.getCurrentThreadCpuTime() - cpuStart;
		}

	}

	/** What one run measured; latencies are sorted, in nanoseconds. */
	record Result(Operation operation, int requests, int errors, long elapsedNanos, long[] latencies,
			long processCpuNanos, long clientCpuNanos, long gcCount, long gcMillis, long jitCpuNanos, long gcCpuNanos,
			double machineBusy, String firstFailure) {

		/** Share of all CPUs this JVM used during the run. */
		double processShare() {
			return this.processCpuNanos / (this.elapsedNanos * (double) Runtime.getRuntime().availableProcessors());
		}

		/**
		 * Share of all CPUs that other processes used during the run, NaN where unknown.
		 */
		double othersShare() {
			return Math.max(0, this.machineBusy - processShare());
		}

		double requestsPerSecond() {
			return this.requests / (this.elapsedNanos / 1e9);
		}

		/** Nearest-rank percentile in milliseconds. */
		double percentileMillis(double percentile) {
			if (this.latencies.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(percentile / 100 * this.latencies.length);
			return this.latencies[Math.max(0, rank - 1)] / 1e6;
		}

		double maxMillis() {
			return (this.latencies.length > 0) ? this.latencies[this.latencies.length - 1] / 1e6 : Double.NaN;
		}

	}

}
