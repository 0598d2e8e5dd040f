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
 * Uploads files with a fixed number of parallel workers, several files per request when
 * the server takes multi-document uploads ({@link Batches}), reporting to a
 * {@link ProgressBar}. A file the server rejects is a failure with the server's reason
 * and the others go on; a request the server refuses as a whole (over its limits, or a
 * server without multi-document uploads) or that fails on the way is sent again file by
 * file, so that each file still gets its own result; when the server becomes unusable
 * (connection refused, token refused) the files not yet started are left alone.
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

	private final int maxFiles;

	private final long maxBytes;

	/**
	 * @param parallel requests in flight at once
	 * @param maxFiles most files in one request; 1 uploads each file on its own
	 * ({@code PUT /api/admin/documents})
	 * @param maxBytes most bytes of one request's files together
	 */
	Uploader(HearthClient client, Tags tags, String language, int parallel, int maxFiles, long maxBytes) {
		this.client = client;
		this.tags = tags;
		this.language = language;
		this.parallel = parallel;
		this.maxFiles = maxFiles;
		this.maxBytes = maxBytes;
	}

	Report upload(List<ImportPlan.Item> items, ProgressBar progress) {
		AtomicReference<ServerUnavailableException> fatal = new AtomicReference<>();
		List<List<ImportPlan.Item>> batches = Batches.of(items, this.maxFiles, this.maxBytes, this.parallel);
		List<Future<List<Outcome>>> futures = new ArrayList<>();
		try (ExecutorService workers = Executors.newFixedThreadPool(this.parallel, (task) -> {
			Thread thread = new Thread(task, "kb-import-upload");
			thread.setDaemon(true);
			return thread;
		})) {
			for (List<ImportPlan.Item> batch : batches) {
				futures.add(workers.submit(() -> uploadBatch(batch, progress, fatal)));
			}
		}
		List<Outcome> outcomes = new ArrayList<>();
		int notAttempted = 0;
		for (Future<List<Outcome>> future : futures) {
			for (Outcome outcome : result(future)) {
				if (outcome.outcome() == null && outcome.failure() == null) {
					notAttempted++;
				}
				else {
					outcomes.add(outcome);
				}
			}
		}
		return new Report(outcomes, notAttempted, fatal.get());
	}

	/**
	 * One outcome per file of the batch; a file not attempted has neither outcome nor
	 * failure.
	 */
	private List<Outcome> uploadBatch(List<ImportPlan.Item> batch, ProgressBar progress,
			AtomicReference<ServerUnavailableException> fatal) {
		if (batch.size() == 1) {
			return List.of(uploadOne(batch.get(0), progress, fatal));
		}
		if (fatal.get() != null) {
			return batch.stream().map((item) -> notAttempted(item.file())).toList();
		}
		List<LocalFile> files = batch.stream().map(ImportPlan.Item::file).toList();
		progress.started(files.get(0).source());
		JsonNode answer;
		try {
			answer = this.client.postDocuments(files, this.tags, this.language);
		}
		catch (ApiException | UncheckedIOException ex) {
			return oneByOne(batch, progress, fatal);
		}
		catch (ServerUnavailableException ex) {
			if (ex.isFatalForAllRequests()) {
				fatal.compareAndSet(null, ex);
				return batch.stream().map((item) -> notAttempted(item.file())).toList();
			}
			return oneByOne(batch, progress, fatal);
		}
		List<JsonNode> results = Json.elements(answer.path("results"));
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			ImportPlan.Item item = batch.get(i);
			JsonNode result = (i < results.size()) ? results.get(i) : null;
			Outcome outcome = outcomeOf(item, result);
			if (i > 0) {
				progress.started(item.file().source());
			}
			progress.finished(outcome.failure() != null);
			outcomes.add(outcome);
		}
		return outcomes;
	}

	private static Outcome outcomeOf(ImportPlan.Item item, JsonNode result) {
		LocalFile file = item.file();
		if (result == null || !file.source().equals(Json.text(result, "source"))) {
			return new Outcome(file, null, new Failure(file.source(),
					"the server's answer did not report on this file; import again to see its result"));
		}
		String outcome = reported(item, result);
		if (outcome.equals("FAILED")) {
			return new Outcome(file, null, new Failure(file.source(),
					Json.text(result, "detail", "the server did not import it and gave no reason")));
		}
		return new Outcome(file, outcome, null);
	}

	/** The outcome the server reported for the file, else what the plan expected. */
	private static String reported(ImportPlan.Item item, JsonNode result) {
		return Json.text(result, "outcome", (item.action() == ImportPlan.Action.ADD) ? "ADDED" : "UPDATED");
	}

	private List<Outcome> oneByOne(List<ImportPlan.Item> batch, ProgressBar progress,
			AtomicReference<ServerUnavailableException> fatal) {
		return batch.stream().map((item) -> uploadOne(item, progress, fatal)).toList();
	}

	private Outcome uploadOne(ImportPlan.Item item, ProgressBar progress,
			AtomicReference<ServerUnavailableException> fatal) {
		if (fatal.get() != null) {
			return notAttempted(item.file());
		}
		LocalFile file = item.file();
		progress.started(file.source());
		Outcome outcome;
		try {
			JsonNode answer = this.client.putDocument(file.source(), this.tags, this.language, file.path());
			outcome = new Outcome(file, reported(item, answer), null);
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
				return notAttempted(file);
			}
			outcome = new Outcome(file, null, new Failure(file.source(), ex.getMessage()));
		}
		progress.finished(outcome.failure() != null);
		return outcome;
	}

	private static Outcome notAttempted(LocalFile file) {
		return new Outcome(file, null, null);
	}

	private static <T> T result(Future<T> future) {
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
