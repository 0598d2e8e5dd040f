package dev.hearth.kbimport;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

/**
 * Uploads files with a fixed number of parallel workers, reporting to a
 * {@link ProgressBar}. A file the server rejects is a failure with the server's reason
 * and the others go on; when the server becomes unusable (connection refused, token
 * refused) the files not yet started are left alone.
 */
final class Uploader {

	/**
	 * What happened to one file.
	 *
	 * @param file the file
	 * @param outcome the server's {@code outcome} (ADDED, UPDATED, UNCHANGED), or
	 * {@code null} when it failed or was not attempted
	 * @param failure why it failed, or {@code null}
	 */
	record Outcome(LocalFile file, String outcome, Failure failure) {
	}

	/**
	 * @param outcomes one per attempted file, in the order given
	 * @param notAttempted files left alone after {@code fatal}
	 * @param fatal why the server became unusable, or {@code null}
	 */
	record Report(List<Outcome> outcomes, int notAttempted, ServerUnavailableException fatal) {
	}

	private final HearthClient client;

	private final Tags tags;

	private final String language;

	private final int parallel;

	Uploader(HearthClient client, Tags tags, String language, int parallel) {
		this.client = client;
		this.tags = tags;
		this.language = language;
		this.parallel = parallel;
	}

	Report upload(List<ImportPlan.Item> items, ProgressBar progress) {
		AtomicReference<ServerUnavailableException> fatal = new AtomicReference<>();
		List<Future<Outcome>> futures = new ArrayList<>();
		try (ExecutorService workers = Executors.newFixedThreadPool(this.parallel, (task) -> {
			Thread thread = new Thread(task, "kb-import-upload");
			thread.setDaemon(true);
			return thread;
		})) {
			for (ImportPlan.Item item : items) {
				futures.add(workers.submit(() -> uploadOne(item, progress, fatal)));
			}
		}
		List<Outcome> outcomes = new ArrayList<>();
		int notAttempted = 0;
		for (Future<Outcome> future : futures) {
			Outcome outcome = result(future);
			if (outcome == null) {
				notAttempted++;
			}
			else {
				outcomes.add(outcome);
			}
		}
		return new Report(outcomes, notAttempted, fatal.get());
	}

	private Outcome uploadOne(ImportPlan.Item item, ProgressBar progress,
			AtomicReference<ServerUnavailableException> fatal) {
		if (fatal.get() != null) {
			return null;
		}
		LocalFile file = item.file();
		progress.started(file.source());
		Outcome outcome;
		try {
			JsonNode answer = this.client.putDocument(file.source(), this.tags, this.language, file.path());
			String result = Json.text(answer, "outcome",
					(item.action() == ImportPlan.Action.ADD) ? "ADDED" : "UPDATED");
			outcome = new Outcome(file, result, null);
		}
		catch (ApiException ex) {
			outcome = new Outcome(file, null, new Failure(file.source(), ex.detail()));
		}
		catch (UncheckedIOException ex) {
			outcome = new Outcome(file, null,
					new Failure(file.source(), "cannot read: " + Texts.describe(ex.getCause())));
		}
		catch (ServerUnavailableException ex) {
			if (ex.isFatalForAllRequests()) {
				fatal.compareAndSet(null, ex);
				return null;
			}
			outcome = new Outcome(file, null, new Failure(file.source(), ex.getMessage()));
		}
		progress.finished(outcome.failure() != null);
		return outcome;
	}

	private static Outcome result(Future<Outcome> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while uploading", ex);
		}
		catch (ExecutionException ex) {
			// an unexpected error in one upload (a bug): surface it rather than hide it
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

}
