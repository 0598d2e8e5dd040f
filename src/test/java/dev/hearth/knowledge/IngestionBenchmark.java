package dev.hearth.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.kbimport.KbImportRunner;
import dev.hearth.system.SystemProperties;

/**
 * Ingestion throughput, end to end (kb-import CLI → admin API → parse, chunk, embed,
 * PostgreSQL, Lucene) next to the raw throughput of the embedding model alone on the same
 * chunks, in the same run. The raw model is the same chunk texts given to
 * {@link EmbeddingModel#embed(List)} 64 at a time, one text per inference on the two
 * embedding threads, as the import embeds a document's chunks; it is measured before and
 * after the imports. Not a unit test: run it with
 * {@code mvn test -Dtest=IngestionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; it
 * prints a table and writes {@code target/bench/ingestion.json}.
 *
 * <p>
 * The CLI runs in this JVM by default ({@code -Dbench.cli=in-process}), where its CPU is
 * counted with the server's. With {@code -Dbench.cli=process} it runs as operators run
 * it, the built jar ({@code kb-import/target/kb-import.jar}, or {@code -Dbench.cli-jar})
 * in its own JVM: the JVM's CPU is then the server's alone, and the CLI's is reported
 * beside it. {@code -Dbench.batch=N} passes {@code --batch N} to the CLI (files per
 * request; 1 is one request a file).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IngestionBenchmark {

	private static final int COPIES = Integer.getInteger("bench.copies", 12);

	private static final int PARALLEL = Integer.getInteger("bench.parallel", 2);

	private static final int WARM_UP_COPIES = Integer.getInteger("bench.warmup-copies", 1);

	/**
	 * Imports measured one after the other, each of {@code bench.copies} new copies: the
	 * later ones show how the JIT's share falls as the server keeps importing.
	 */
	private static final int ROUNDS = Integer.getInteger("bench.rounds", 1);

	/**
	 * After the imports, the measured import's files uploaded again, unchanged, straight
	 * to the admin API (the CLI would skip them): the CPU of a request that imports
	 * nothing (HTTP, security, dispatch, the token check, hashing, one select), the floor
	 * that one request a document costs.
	 */
	private static final boolean UNCHANGED_UPLOADS = Boolean.getBoolean("bench.unchanged-uploads");

	/** {@code in-process} (the CLI in this JVM) or {@code process} (the built jar). */
	private static final String CLI = System.getProperty("bench.cli", "in-process");

	private static final String CLI_JAR = System.getProperty("bench.cli-jar", "kb-import/target/kb-import.jar");

	/** The CLI's {@code --batch}, or empty for its default. */
	private static final String BATCH = System.getProperty("bench.batch", "");

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DocumentParser parser;

	@Autowired
	KnowledgeProperties properties;

	@Autowired
	EmbeddingModel embeddings;

	@Test
	void ingestion() throws IOException {
		this.jdbc.sql("truncate kb_document, faq_entry, kb_import_event cascade").update();
		AdminApi api = new AdminApi(this.port, this.system.dataDir());
		api.post("/api/admin/index/rebuild");
		Path corpus = corpus();
		List<String> texts = chunkTexts(corpus);

		this.embeddings.embed(texts.subList(0, Math.min(200, texts.size())));
		long rawCpuStart = processCpuNanos();
		Map<String, Long> rawThreadsBefore = ThreadCpu.snapshot();
		double rawBefore = rawThroughput(texts);
		double rawCpuPerChunk = (processCpuNanos() - rawCpuStart) / 1e6 / texts.size();
		Map<String, Long> rawThreadCpuBefore = ThreadCpu.byGroup(rawThreadsBefore, ThreadCpu.snapshot());

		String token = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// the raw model is measured warm; so is the import path (JIT, pools, caches):
		// bench.warmup-copies copies of the sample, under other paths, go in first and
		// are not counted
		runCli(token, warmUpCorpus(), new ByteArrayOutputStream());
		long chunksBefore = this.jdbc.sql("select count(*) from kb_chunk").query(Long.class).single();
		long documentsBefore = this.jdbc.sql("select count(*) from kb_document").query(Long.class).single();
		Map<Integer, Long> postgresBefore = postgresTicks();
		Map<String, Long> threadsBefore = ThreadCpu.snapshot();
		long cpuStart = processCpuNanos();
		long cliCpuStart = childrenCpuNanos();
		long started = System.nanoTime();
		System.out.println("Measured import starts at " + java.time.Instant.now());
		int exit = runCli(token, corpus, out);
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.println("Measured import ends at " + java.time.Instant.now());
		long jvmCpu = processCpuNanos() - cpuStart;
		long cliCpu = childrenCpuNanos() - cliCpuStart;
		Map<String, Long> threadCpu = ThreadCpu.byGroup(threadsBefore, ThreadCpu.snapshot());
		long postgresCpu = postgresCpuNanos(postgresBefore);
		long chunks = this.jdbc.sql("select count(*) from kb_chunk").query(Long.class).single() - chunksBefore;
		long documents = this.jdbc.sql("select count(*) from kb_document").query(Long.class).single() - documentsBefore;
		double endToEnd = chunks / seconds;

		List<Map<String, Object>> laterRounds = new ArrayList<>();
		for (int round = 2; round <= ROUNDS; round++) {
			laterRounds.add(measuredRound(round, token, rawCpuPerChunk));
		}

		// twice: the first pass also warms the path up; then once more while the model
		// embeds on its two threads, as during an import
		List<Map<String, Object>> unchanged = UNCHANGED_UPLOADS ? List.of(unchangedUploads(token, corpus),
				unchangedUploads(token, corpus), unchangedUploadsBesideTheModel(token, corpus, texts)) : null;

		long rawAfterCpuStart = processCpuNanos();
		Map<String, Long> rawAfterThreadsBefore = ThreadCpu.snapshot();
		double rawAfter = rawThroughput(texts);
		double rawAfterCpuPerChunk = (processCpuNanos() - rawAfterCpuStart) / 1e6 / texts.size();
		Map<String, Long> rawThreadCpuAfter = ThreadCpu.byGroup(rawAfterThreadsBefore, ThreadCpu.snapshot());
		double raw = (rawBefore + rawAfter) / 2;

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("documents", documents);
		result.put("chunks", chunks);
		result.put("cliExitCode", exit);
		result.put("cli", CLI + (BATCH.isEmpty() ? "" : ", --batch " + BATCH));
		result.put("warmUpCopies", WARM_UP_COPIES);
		result.put("endToEndSeconds", round(seconds));
		result.put("endToEndChunksPerSecond", round(endToEnd));
		result.put("rawModelChunksPerSecondBefore", round(rawBefore));
		result.put("rawModelChunksPerSecondAfter", round(rawAfter));
		result.put("ratio", Math.round(endToEnd / raw * 100) / 100.0);
		result.put("rawModelCpuMillisPerChunk", round(rawCpuPerChunk));
		// the raw model's process CPU includes whatever else the JVM does meanwhile (the
		// JIT after start-up): its measurement after the import, and the embedding
		// threads' own share of both, say how much
		result.put("rawModelCpuMillisPerChunkAfter", round(rawAfterCpuPerChunk));
		result.put("rawModelCpuMillisPerChunkByThreadsBefore", perChunk(rawThreadCpuBefore, texts.size()));
		result.put("rawModelCpuMillisPerChunkByThreadsAfter", perChunk(rawThreadCpuAfter, texts.size()));
		result.put("endToEndCpuMillisPerChunkJvm", round(jvmCpu / 1e6 / chunks));
		result.put("endToEndCpuMillisPerChunkPostgres", round(postgresCpu / 1e6 / chunks));
		double endToEndCpuPerChunk = (jvmCpu + postgresCpu) / 1e6 / chunks;
		result.put("cpuRatio", Math.round(rawCpuPerChunk / endToEndCpuPerChunk * 100) / 100.0);
		// the raw model's CPU a chunk moves between its two measurements by up to a
		// tenth: the same ratio against their mean
		double rawCpuMean = (rawCpuPerChunk + rawAfterCpuPerChunk) / 2;
		result.put("cpuRatioToRawMean", Math.round(rawCpuMean / endToEndCpuPerChunk * 100) / 100.0);
		if (CLI.equals("process")) {
			// the JVM is the server alone: the CLI's CPU is its own process's
			result.put("serverCpuRatioToRawMean", Math.round(rawCpuMean / endToEndCpuPerChunk * 100) / 100.0);
			result.put("cliProcessCpuMillisPerChunk", round(cliCpu / 1e6 / chunks));
		}
		result.put("importCpuMillisPerChunkByThreads", perChunk(threadCpu, chunks));
		// the same ratio against the embedding threads' own CPU in the raw measurement
		// (mean of before and after)
		double rawEmbeddingThreads = (rawThreadCpuBefore.getOrDefault("embedding threads", 0L)
				+ rawThreadCpuAfter.getOrDefault("embedding threads", 0L)) / 2.0 / texts.size();
		result.put("cpuRatioToRawEmbeddingThreads",
				Math.round(rawEmbeddingThreads / endToEndCpuPerChunk * 100) / 100.0);
		for (Map<String, Object> later : laterRounds) {
			later.put("wallRatio", Math.round((double) later.get("chunksPerSecond") / raw * 100) / 100.0);
			double ratio = Math.round(rawCpuMean / (double) later.remove("cpuMillisPerChunk") * 100) / 100.0;
			later.put("cpuRatioToRawMean", ratio);
			if (CLI.equals("process")) {
				later.put("serverCpuRatioToRawMean", ratio);
			}
		}
		if (!laterRounds.isEmpty()) {
			result.put("laterRounds", laterRounds);
		}
		if (unchanged != null) {
			result.put("unchangedUploads", unchanged);
		}
		result.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).strip());
		result.put("cores", Runtime.getRuntime().availableProcessors());
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/ingestion.json"),
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result));
		System.out.println("\n=== Ingestion benchmark ===");
		result.forEach((key, value) -> System.out.printf("%-34s %s%n", key, value));
		System.out.println(out.toString(StandardCharsets.UTF_8));
	}

	/**
	 * One more import of {@code bench.copies} new copies, measured like the first: wall
	 * time, CPU per chunk of the JVM and of PostgreSQL, by thread group.
	 */
	private Map<String, Object> measuredRound(int round, String token, double rawCpuPerChunk) throws IOException {
		Path corpus = corpus(Path.of("target/bench/ingest-round-" + round), COPIES, "Round " + round + " note ");
		long chunksBefore = this.jdbc.sql("select count(*) from kb_chunk").query(Long.class).single();
		Map<Integer, Long> postgresBefore = postgresTicks();
		Map<String, Long> threadsBefore = ThreadCpu.snapshot();
		long cpuStart = processCpuNanos();
		long cliCpuStart = childrenCpuNanos();
		long started = System.nanoTime();
		System.out.println("Round " + round + " starts at " + java.time.Instant.now());
		int exit = runCli(token, corpus, new ByteArrayOutputStream());
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.println("Round " + round + " ends at " + java.time.Instant.now());
		long jvmCpu = processCpuNanos() - cpuStart;
		long cliCpu = childrenCpuNanos() - cliCpuStart;
		Map<String, Long> threadCpu = ThreadCpu.byGroup(threadsBefore, ThreadCpu.snapshot());
		long postgresCpu = postgresCpuNanos(postgresBefore);
		long chunks = this.jdbc.sql("select count(*) from kb_chunk").query(Long.class).single() - chunksBefore;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("round", round);
		result.put("cliExitCode", exit);
		result.put("chunks", chunks);
		result.put("seconds", round(seconds));
		result.put("chunksPerSecond", round(chunks / seconds));
		result.put("cpuMillisPerChunkJvm", round(jvmCpu / 1e6 / chunks));
		result.put("cpuMillisPerChunkPostgres", round(postgresCpu / 1e6 / chunks));
		result.put("cpuRatio", Math.round(rawCpuPerChunk / ((jvmCpu + postgresCpu) / 1e6 / chunks) * 100) / 100.0);
		result.put("byThreads", perChunk(threadCpu, chunks));
		if (CLI.equals("process")) {
			result.put("cliProcessCpuMillisPerChunk", round(cliCpu / 1e6 / chunks));
		}
		result.put("cpuMillisPerChunk", (jvmCpu + postgresCpu) / 1e6 / chunks);
		return result;
	}

	/**
	 * {@code kb-import import FOLDER --parallel bench.parallel [--batch bench.batch]}, in
	 * this JVM or as its own process ({@code bench.cli}); its stdout goes to {@code out}.
	 */
	private int runCli(String token, Path folder, ByteArrayOutputStream out) throws IOException {
		List<String> args = new ArrayList<>(
				List.of("import", folder.toString(), "--parallel", Integer.toString(PARALLEL)));
		if (!BATCH.isEmpty()) {
			args.addAll(List.of("--batch", BATCH));
		}
		String server = "http://127.0.0.1:" + this.port;
		if (CLI.equals("in-process")) {
			return KbImportRunner.run(server, token, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()),
					args.toArray(String[]::new));
		}
		if (!CLI.equals("process")) {
			throw new IllegalArgumentException("bench.cli must be in-process or process, got " + CLI);
		}
		Path jar = Path.of(CLI_JAR);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar.toAbsolutePath()
					+ " is missing: build it first with mvn -o -q -DskipTests -pl kb-import package");
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
		command.addAll(args);
		Path stdout = Files.createTempFile("kb-import", ".out");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.environment().put("HEARTH_URL", server);
		builder.environment().put("HEARTH_TOKEN", token);
		try {
			int exit = builder.start().waitFor();
			out.writeBytes(Files.readAllBytes(stdout));
			return exit;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while kb-import ran", ex);
		}
		finally {
			Files.deleteIfExists(stdout);
		}
	}

	/**
	 * CPU time of this JVM's child processes that have ended and been waited for (the CLI
	 * run as its own process): {@code cutime} and {@code cstime} of
	 * {@code /proc/self/stat}; 0 where it is not readable.
	 */
	private static long childrenCpuNanos() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * The unchanged uploads while the model embeds on its two threads, as it does during
	 * an import: what sharing the cores with the model costs the request.
	 */
	private Map<String, Object> unchangedUploadsBesideTheModel(String token, Path corpus, List<String> texts)
			throws IOException {
		AtomicBoolean done = new AtomicBoolean();
		Thread model = new Thread(() -> {
			while (!done.get()) {
				this.embeddings.embed(texts.subList(0, Math.min(64, texts.size())));
			}
		}, "bench-model-load");
		model.start();
		try {
			Map<String, Object> result = unchangedUploads(token, corpus);
			result.put("besideTheModel", true);
			return result;
		}
		finally {
			done.set(true);
			try {
				model.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Every file of {@code corpus} uploaded again as the CLI uploads it (same source,
	 * same bytes, {@code bench.parallel} at a time): each answer must be
	 * {@code UNCHANGED}.
	 */
	private Map<String, Object> unchangedUploads(String token, Path corpus) throws IOException {
		String folder = corpus.getFileName().toString();
		List<String> sources = this.jdbc.sql("select source from kb_document where source like ? order by source")
			.param(folder + "/%")
			.query(String.class)
			.list();
		AtomicInteger unchangedAnswers = new AtomicInteger();
		Map<Integer, Long> postgresBefore = postgresTicks();
		Map<String, Long> threadsBefore = ThreadCpu.snapshot();
		Map<String, Long> threadsAfter;
		long cpuStart = processCpuNanos();
		long started = System.nanoTime();
		ExecutorService workers = Executors.newFixedThreadPool(PARALLEL,
				(task) -> new Thread(task, "kb-import-unchanged"));
		try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			List<Future<?>> tasks = new ArrayList<>();
			for (String source : sources) {
				tasks.add(workers.submit(() -> {
					HttpRequest request = HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/admin/documents?source="
								+ URLEncoder.encode(source, StandardCharsets.UTF_8)))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/octet-stream")
						.PUT(HttpRequest.BodyPublishers.ofFile(corpus.resolveSibling(source)))
						.build();
					String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
					if (body.contains("\"UNCHANGED\"")) {
						unchangedAnswers.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> task : tasks) {
				task.get();
			}
			threadsAfter = ThreadCpu.snapshot();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException("An unchanged upload failed", ex);
		}
		finally {
			workers.shutdown();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long jvmCpu = processCpuNanos() - cpuStart;
		long postgresCpu = postgresCpuNanos(postgresBefore);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("requests", sources.size());
		result.put("answeredUnchanged", unchangedAnswers.get());
		result.put("seconds", round(seconds));
		result.put("cpuMillisPerRequestJvm", Math.round(jvmCpu / 1e6 / sources.size() * 100) / 100.0);
		result.put("cpuMillisPerRequestPostgres", Math.round(postgresCpu / 1e6 / sources.size() * 100) / 100.0);
		Map<String, Object> byThreads = new LinkedHashMap<>();
		ThreadCpu.byGroup(threadsBefore, threadsAfter)
			.forEach((group, millis) -> byThreads.put(group,
					Math.round((double) millis / sources.size() * 100) / 100.0));
		result.put("byThreadsPerRequest", byThreads);
		return result;
	}

	private static Map<String, Object> perChunk(Map<String, Long> threadCpu, long chunks) {
		Map<String, Object> perChunk = new LinkedHashMap<>();
		threadCpu.forEach((group, millis) -> perChunk.put(group, round((double) millis / chunks)));
		return perChunk;
	}

	/**
	 * CPU time of this JVM (the server and the CLI), which on a shared machine says more
	 * than wall time.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** User and system clock ticks of the PostgreSQL backends serving this database. */
	private Map<Integer, Long> postgresTicks() {
		Map<Integer, Long> ticks = new LinkedHashMap<>();
		for (Integer pid : this.jdbc.sql("select pid from pg_stat_activity where datname = current_database()")
			.query(Integer.class)
			.list()) {
			Path stat = Path.of("/proc", pid.toString(), "stat");
			try {
				String text = Files.readString(stat);
				String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
				ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
			}
			catch (IOException | RuntimeException ex) {
				// another user's server, or the backend has gone: not counted
			}
		}
		return ticks;
	}

	private long postgresCpuNanos(Map<Integer, Long> before) {
		long ticks = 0;
		for (Map.Entry<Integer, Long> after : postgresTicks().entrySet()) {
			ticks += after.getValue() - before.getOrDefault(after.getKey(), 0L);
		}
		return ticks * 10_000_000L;
	}

	private double rawThroughput(List<String> texts) {
		long started = System.nanoTime();
		for (int from = 0; from < texts.size(); from += 64) {
			this.embeddings.embed(texts.subList(from, Math.min(texts.size(), from + 64)));
		}
		return texts.size() / ((System.nanoTime() - started) / 1e9);
	}

	/** The match texts the import will embed, made by the same parser and chunker. */
	private List<String> chunkTexts(Path corpus) throws IOException {
		Chunker chunker = new Chunker(this.properties.chunk().maxChars(), this.properties.chunk().overlapChars());
		List<String> texts = new ArrayList<>();
		try (var files = Files.walk(corpus)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				ParsedDocument parsed = this.parser.parse(Files.readAllBytes(file), file.getFileName().toString(),
						null);
				for (Chunk chunk : chunker.chunk(parsed)) {
					texts.add(Passages.chunkMatchText(parsed.title(), chunk.sectionPath(), chunk.text()));
				}
			}
		}
		return texts;
	}

	/**
	 * The sample knowledge base's documents, copied with a small change per copy so every
	 * file is new.
	 */
	private static Path corpus() throws IOException {
		return corpus(Path.of("target/bench/ingest-corpus"), COPIES, "Revision note ");
	}

	private static Path warmUpCorpus() throws IOException {
		return corpus(Path.of("target/bench/ingest-warm-up"), WARM_UP_COPIES, "Warm-up note ");
	}

	private static Path corpus(Path corpus, int copies, String notePrefix) throws IOException {
		if (Files.exists(corpus)) {
			try (var paths = Files.walk(corpus)) {
				for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
		SampleKnowledgeBase.SampleFile[] files;
		try (var in = new ClassPathResource("sample-kb/index.json").getInputStream()) {
			files = JsonMapper.builder().build().readValue(in, SampleKnowledgeBase.SampleFile[].class);
		}
		for (int copy = 0; copy < copies; copy++) {
			for (SampleKnowledgeBase.SampleFile file : files) {
				byte[] bytes;
				try (var in = new ClassPathResource("sample-kb/" + file.path()).getInputStream()) {
					bytes = in.readAllBytes();
				}
				String note = "\n\n" + notePrefix + copy + ".\n";
				if (file.path().endsWith(".pdf")) {
					bytes = concat(bytes, ("\n%" + note.strip() + "\n").getBytes(StandardCharsets.US_ASCII));
				}
				else if (file.path().endsWith(".html")) {
					bytes = new String(bytes, StandardCharsets.UTF_8)
						.replace("</body>", "<p>" + note.strip() + "</p></body>")
						.getBytes(StandardCharsets.UTF_8);
				}
				else {
					bytes = concat(bytes, note.getBytes(StandardCharsets.UTF_8));
				}
				Path target = corpus.resolve("copy-" + copy).resolve(file.path());
				Files.createDirectories(target.getParent());
				Files.write(target, bytes);
			}
		}
		return corpus;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] joined = new byte[a.length + b.length];
		System.arraycopy(a, 0, joined, 0, a.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
