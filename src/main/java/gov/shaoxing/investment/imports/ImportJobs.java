package gov.shaoxing.investment.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.Ids;
import gov.shaoxing.investment.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs imports as jobs, one at a time on a worker of their own, so a large file never
 * holds a request thread. The job document records progress every few hundred rows and
 * the outcome at the end; the uploaded file is deleted once its job ends. A job cut off
 * by a restart stays RUNNING with its last checkpoint: send the file again, and the rows
 * it applied come back unchanged. A clean stop lets the row being applied finish (phase
 * 0, before the start-up integrity check records the stop as clean).
 */
@Service
class ImportJobs implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private static final int CHECKPOINT_ROWS = 250;

	/** How long a clean stop waits for the row being applied. */
	private static final Duration DRAIN = Duration.ofSeconds(30);

	private final MongoTemplate mongo;

	private final ImportProperties properties;

	/**
	 * A new worker at each start: a stopped context (tests pause them) may start again.
	 */
	private volatile ExecutorService worker = newWorker();

	private volatile boolean running;

	/** Thrown between rows once a stop has begun. */
	private static final class Stopping extends RuntimeException {

		Stopping() {
			super("the service is stopping", null, false, false);
		}

	}

	ImportJobs(MongoTemplate mongo, ImportProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	public ImportJob get(String id) {
		return id == null ? null : this.mongo.findById(id, ImportJob.class);
	}

	/** What the header check of a file found, before any job exists. */
	record HeaderCheck(boolean found, List<String> missing) {
	}

	<R> HeaderCheck checkHeader(Path file, SpreadsheetFormat format, Template<R> template)
			throws IOException, XlsxReader.NotAWorkbook {
		ImportRun<R> probe = new ImportRun<>(template, (row, n) -> RowApplier.Outcome.UNCHANGED, (run) -> {
		}, true);
		read(file, format, probe);
		return new HeaderCheck(probe.headerFound(), probe.missingColumns());
	}

	/** Queues a job for a checked file, which the job then owns. */
	<R> ImportJob start(String kind, String fileName, boolean dryRun, Actor actor, Path file, SpreadsheetFormat format,
			Template<R> template, Function<ImportJob, RowApplier<R>> applier) {
		ImportJob job = new ImportJob(Ids.next("J"), kind, fileName, dryRun, ImportJob.Status.QUEUED, actor.name(),
				Instant.now(), null, 0, 0, 0, 0, 0, 0, List.of(), false);
		this.mongo.insert(job);
		this.worker.execute(() -> run(job, file, format, template, applier.apply(job)));
		return job;
	}

	private <R> void run(ImportJob job, Path file, SpreadsheetFormat format, Template<R> template,
			RowApplier<R> applier) {
		long[] lastSaved = { 0 };
		ImportRun<R> run = new ImportRun<>(template, applier, (r) -> {
			if (!this.running) {
				throw new Stopping();
			}
			if (r.processed - lastSaved[0] >= CHECKPOINT_ROWS) {
				lastSaved[0] = r.processed;
				save(job, r, ImportJob.Status.RUNNING, null);
			}
		}, false);
		run.maxErrors = this.properties.maxErrors();
		save(job, run, ImportJob.Status.RUNNING, null);
		try {
			read(file, format, run);
			run.totalRows = run.processed;
			save(job, run, ImportJob.Status.SUCCEEDED, Instant.now());
		}
		catch (Stopping ex) {
			log.info("Import {} cut off by a stop after {} rows; send the file again to finish it", job.id(),
					run.processed);
			save(job, run, ImportJob.Status.RUNNING, null);
		}
		catch (Exception ex) {
			log.warn("Import {} stopped: {}", job.id(), ex.toString());
			run.errors.add(new ImportJob.RowError(0, null, ErrorCode.IMPORT_FAILED.message(run.processed)));
			save(job, run, ImportJob.Status.FAILED, Instant.now());
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete {}: {}", file, ex.toString());
			}
		}
	}

	private static void read(Path file, SpreadsheetFormat format, SheetRows rows)
			throws IOException, XlsxReader.NotAWorkbook {
		if (format == SpreadsheetFormat.XLSX) {
			XlsxReader.read(file, rows);
		}
		else {
			CsvReader.read(file, rows);
		}
	}

	private void save(ImportJob job, ImportRun<?> run, ImportJob.Status status, Instant finishedAt) {
		this.mongo.save(new ImportJob(job.id(), job.kind(), job.fileName(), job.dryRun(), status, job.startedBy(),
				job.createdAt(), finishedAt, run.totalRows, run.processed, run.created, run.updated, run.unchanged,
				run.failed, List.copyOf(run.errors), run.errorsTruncated));
	}

	/** Where uploads wait for their job. */
	Path workFile(String suffix) throws IOException {
		Files.createDirectories(this.properties.workDir());
		return Files.createTempFile(this.properties.workDir(), "import-", suffix);
	}

	private static ExecutorService newWorker() {
		return Executors.newSingleThreadExecutor((r) -> {
			Thread t = new Thread(r, "import-jobs");
			t.setDaemon(true);
			return t;
		});
	}

	@Override
	public void start() {
		if (this.worker.isShutdown()) {
			this.worker = newWorker();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.worker.shutdown();
		try {
			if (!this.worker.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("An import row did not finish within {}; interrupted", DRAIN);
				this.worker.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.worker.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

}
