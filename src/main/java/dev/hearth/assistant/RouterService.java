package dev.hearth.assistant;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hearth.assistant.router.AnswerSentences;
import dev.hearth.assistant.router.EntryAnswer;
import dev.hearth.assistant.router.FaqMatcher;
import dev.hearth.assistant.router.PseudoQuestion;
import dev.hearth.assistant.router.RouterPrediction;
import dev.hearth.assistant.router.RouterSettings;
import dev.hearth.assistant.router.RouterTrainer;
import dev.hearth.assistant.router.TrainedRouter;
import dev.hearth.assistant.router.TrainingExample;
import dev.hearth.knowledge.FaqCatalog;
import dev.hearth.knowledge.FaqEntriesChanged;
import dev.hearth.knowledge.FaqEntry;
import dev.hearth.knowledge.FaqPhrasing;
import dev.hearth.system.ChangeFeed;

/**
 * Owns the FAQ router's lifecycle: trains a new version after every FAQ change (one run
 * at a time, always on the latest FAQ), keeps every version in PostgreSQL, and switches
 * the live model only when the new one has been trained and has passed its held-out
 * check; until then the previous version keeps answering. At start-up the live version is
 * loaded, and a router is trained when the FAQ changed since. Questions are matched by a
 * {@link FaqMatcher} over the FAQ's phrasings, answers and the live router together; with
 * few phrasings per entry its confidence is the best entry's fused question-and-answer
 * score together with its lead over the runner-up, and its threshold is calibrated
 * without held-out phrasings (see {@code docs/adr/0007-faq-matching.md} and
 * {@code 0017-faq-acceptance.md}); the rebuilt matcher reads its acceptance rule from the
 * stored checks.
 * <p>
 * With several replicas, the one that took the FAQ change trains; the others load the new
 * live version from PostgreSQL when its notification arrives ({@link #CHANNEL}) or at the
 * next catch-up tick of the {@link ChangeFeed}, and re-read a saved threshold likewise.
 * <p>
 * Until a router is live on this replica (the first training, which takes seconds to tens
 * of seconds, or one that failed), questions are matched by the FAQ's phrasings and
 * answers alone: the entry matcher of ADR 0017's single-phrasing path, calibrated without
 * a router, built on its own thread beside the first training (so it does not delay it)
 * and dropped when a router goes live. {@link #readiness()} tells the {@code router}
 * health contributor whether this replica still waits for a router. Thread-safe.
 */
@Service
@Order(30)
public class RouterService implements ApplicationRunner, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RouterService.class);

	/** The change feed channel of router versions and thresholds. */
	static final String CHANNEL = "hearth_router";

	/** A new model must reach this held-out accuracy to go live. */
	static final double MIN_CHECK_ACCURACY = 0.5;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final FaqCatalog catalog;

	private final AssistantSettings settings;

	private final AssistantProperties properties;

	private final JsonMapper json;

	private final EmbeddingModel embeddings;

	private final ExecutorService trainer = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("router-training").daemon(true).factory());

	private final AtomicBoolean pending = new AtomicBoolean();

	private final AtomicBoolean refreshPending = new AtomicBoolean();

	/**
	 * Builds the entry matcher beside a training, so that the first router is not delayed
	 * by it.
	 */
	private final ExecutorService entryMatching = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("router-entries").daemon(true).factory());

	private final AtomicBoolean entriesPending = new AtomicBoolean();

	private final Object entriesLock = new Object();

	private final ChangeFeed feed;

	private volatile boolean started;

	private volatile boolean training;

	private volatile LiveRouter live;

	/**
	 * Matches by the FAQ's phrasings and answers while no router is live here;
	 * {@code null} otherwise.
	 */
	private volatile EntryMatcher entries;

	/** Whether building the entry matcher failed (retried at the next catch-up tick). */
	private volatile boolean entriesFailed;

	/** A live version in PostgreSQL that this replica cannot read, or -1. */
	private volatile int unreadableVersion = -1;

	private volatile String lastError;

	/**
	 * The calibrated threshold as saved (read once, then kept current by
	 * {@link #saveThreshold}).
	 */
	private volatile Optional<Double> savedThreshold;

	RouterService(JdbcClient jdbc, TransactionTemplate transactions, FaqCatalog catalog, AssistantSettings settings,
			AssistantProperties properties, JsonMapper json, ChangeFeed feed, EmbeddingModel embeddings) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.catalog = catalog;
		this.settings = settings;
		this.properties = properties;
		this.json = json;
		this.feed = feed;
		this.embeddings = embeddings;
		feed.subscribe(CHANNEL, (payload) -> requestRefresh());
		feed.onCatchUp(this::requestRefresh);
	}

	/** The live model, if one has been trained. */
	Optional<LiveRouter> live() {
		return Optional.ofNullable(this.live);
	}

	/**
	 * Matches a question with the live router and the FAQ's phrasings, or, while no
	 * router is live, with the FAQ's phrasings and answers alone; empty when neither is
	 * ready.
	 */
	Optional<RouterPrediction> predict(String text, float[] vector) {
		FaqMatcher matcher = matcher();
		return (matcher != null) ? Optional.of(matcher.predict(text, vector)) : Optional.empty();
	}

	private FaqMatcher matcher() {
		LiveRouter current = this.live;
		if (current != null) {
			return current.matcher();
		}
		EntryMatcher interim = this.entries;
		return (interim != null) ? interim.matcher() : null;
	}

	/**
	 * Whether the FAQ has entries to answer from but this replica has nothing to match
	 * them with yet (no live router, the entry matcher still being built): a question
	 * that no document answers is then not out of scope, only not judged yet.
	 */
	boolean matcherPending() {
		return this.live == null && this.entries == null && !this.entriesFailed && trainableEntries();
	}

	private boolean trainableEntries() {
		return this.catalog.entries().size() >= minimumEntries();
	}

	private int minimumEntries() {
		return Math.max(2, this.properties.router().minimumEntries());
	}

	/**
	 * Whether this replica waits for a router: while a first training runs here (no
	 * version live yet), while PostgreSQL holds a live version this replica has not
	 * loaded, and while the FAQ has entries but nothing here matches them yet. A failed
	 * or rejected training, a version this replica cannot read and
	 * {@code hearth.assistant.router.train-on-change=false} do not hold readiness: the
	 * entry matcher answers meanwhile.
	 * @throws RuntimeException if PostgreSQL cannot be asked for the live version
	 */
	RouterReadiness readiness() {
		LiveRouter current = this.live;
		Integer stored = this.jdbc.sql("select version from router_model where status = 'LIVE'")
			.query(Integer.class)
			.optional()
			.orElse(null);
		Integer local = (current != null) ? current.version() : null;
		boolean firstTraining = current == null && (this.training || this.pending.get());
		return RouterReadiness.of(local, stored, this.unreadableVersion, firstTraining, matcherPending(),
				(current == null && this.entries != null));
	}

	/** The confidence at or above which an FAQ entry answers. */
	public double threshold() {
		return interimThreshold(thresholdAndSource()).threshold();
	}

	/**
	 * Saves a calibrated threshold; it overrides the model's suggestion (but not
	 * configuration).
	 */
	public void saveThreshold(double threshold, String by) {
		if (!(threshold >= 0 && threshold <= 1)) {
			throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
		}
		this.settings.put(AssistantSettings.ROUTER_THRESHOLD, Double.toString(threshold), by);
		this.savedThreshold = Optional.of(threshold);
		this.feed.publish(CHANNEL, "threshold");
		log.info("Router threshold set to {} by {}", threshold, by);
	}

	/**
	 * The status as the admin API shows it.
	 */
	public RouterStatus status() {
		LiveRouter current = this.live;
		ThresholdChoice choice = interimThreshold(thresholdAndSource());
		return new RouterStatus((current != null) ? current.version() : null,
				(current != null) ? current.kbRevision() : -1, this.catalog.revision(),
				this.training || this.pending.get(), choice.threshold(), choice.source(),
				(current != null) ? current.model().labels().size() : 0, (current != null) ? current.examples() : 0,
				(current != null) ? current.checks() : Map.of(), (current != null) ? current.liveAt() : null,
				this.lastError);
	}

	/**
	 * Asks for a training run on the latest FAQ; runs are coalesced and happen one at a
	 * time.
	 */
	public void requestTraining() {
		if (this.live == null) {
			requestEntryMatcher();
		}
		if (this.pending.compareAndSet(false, true)) {
			this.trainer.execute(() -> {
				this.pending.set(false);
				trainNow();
			});
		}
	}

	@TransactionalEventListener
	void on(FaqEntriesChanged changed) {
		if (this.properties.router().trainOnChange()) {
			requestTraining();
		}
		else if (this.live == null) {
			requestEntryMatcher();
		}
	}

	/**
	 * Asks for the entry matcher on the FAQ as it is now, on its own thread (beside any
	 * training); coalesced.
	 */
	void requestEntryMatcher() {
		if (this.entriesPending.compareAndSet(false, true)) {
			this.entryMatching.execute(() -> {
				this.entriesPending.set(false);
				buildEntryMatcher();
			});
		}
	}

	/**
	 * Builds the matcher that answers while no router is live here: the FAQ's phrasings,
	 * answers and answer sentences, calibrated without a router (ADR 0017); nothing when
	 * a router is live or the FAQ has too few entries to train one. Blocks.
	 */
	void buildEntryMatcher() {
		synchronized (this.entriesLock) {
			if (this.live != null) {
				this.entries = null;
				return;
			}
			buildEntryMatcherNow();
		}
	}

	private void buildEntryMatcherNow() {
		try {
			long revision = this.catalog.revision();
			EntryMatcher current = this.entries;
			if (current != null && current.kbRevision() == revision) {
				return;
			}
			List<FaqPhrasing> phrasings = this.catalog.phrasings();
			long labels = phrasings.stream().map(FaqPhrasing::faqId).distinct().count();
			if (labels < minimumEntries()) {
				this.entries = null;
				this.entriesFailed = false;
				return;
			}
			long started = System.nanoTime();
			List<TrainingExample> examples = examples(phrasings);
			FaqMatcher matcher = FaqMatcher.of(examples, answers(), answerSentences(), null,
					this.catalog.bundledEmbeddingModel());
			if (this.live == null) {
				this.entries = new EntryMatcher(revision, matcher);
				this.entriesFailed = false;
				log.info("No FAQ router is live yet: {} FAQ entries are matched by their phrasings and answers"
						+ " (built in {} ms)", labels, (System.nanoTime() - started) / 1_000_000);
			}
		}
		catch (RuntimeException ex) {
			this.entriesFailed = true;
			log.warn("Matching the FAQ without a router failed ({}); FAQ entries answer once a router is live",
					ex.getMessage(), ex);
		}
	}

	/**
	 * Takes up the version another replica put live (or retired), and a threshold saved
	 * there; runs on the training thread, after any training in progress.
	 */
	void requestRefresh() {
		if (this.started && this.refreshPending.compareAndSet(false, true)) {
			this.trainer.execute(() -> {
				this.refreshPending.set(false);
				refreshNow();
			});
		}
	}

	synchronized void refreshNow() {
		this.savedThreshold = null;
		try {
			Optional<Integer> version = this.jdbc.sql("select version from router_model where status = 'LIVE'")
				.query(Integer.class)
				.optional();
			LiveRouter current = this.live;
			if (version.isEmpty() && current != null) {
				log.info("FAQ router version {} was retired by another replica", current.version());
				this.live = null;
			}
			else if (version.isPresent() && (current == null || current.version() != version.get())
					&& version.get() != this.unreadableVersion) {
				loadLive();
			}
			if (this.live == null) {
				// the FAQ may have changed through another replica that trains the first
				// router
				requestEntryMatcher();
			}
			else {
				this.entries = null;
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not check the live FAQ router version ({}); the next tick retries", ex.getMessage());
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		this.started = true;
		loadLive();
		LiveRouter current = this.live;
		if (current == null && !this.properties.router().trainOnChange()) {
			requestEntryMatcher();
		}
		else if (current == null || current.kbRevision() < this.catalog.revision()) {
			requestTraining();
		}
	}

	@Override
	public void close() {
		this.trainer.shutdownNow();
		this.entryMatching.shutdownNow();
	}

	/**
	 * Trains on the FAQ as it is now and puts the model live if it passes its check;
	 * blocks.
	 */
	synchronized void trainNow() {
		this.training = true;
		try {
			long revision = this.catalog.revision();
			List<FaqPhrasing> phrasings = this.catalog.phrasings();
			long labels = phrasings.stream().map(FaqPhrasing::faqId).distinct().count();
			if (labels < minimumEntries()) {
				log.info("Not training the FAQ router: {} FAQ entries, at least {} needed", labels, minimumEntries());
				this.lastError = null;
				this.entries = null;
				retireLive();
				return;
			}
			List<TrainingExample> examples = examples(phrasings);
			int version = this.jdbc.sql("""
					insert into router_model (status, kb_revision, examples, labels) values ('TRAINING', ?, ?, ?)
					returning version
					""").param(revision).param(examples.size()).param(labels).query(Integer.class).single();
			long started = System.nanoTime();
			TrainedRouter model;
			try {
				model = new RouterTrainer(settings()).train(examples);
			}
			catch (RuntimeException ex) {
				fail(version, "FAILED", ex.getMessage());
				log.error("Training the FAQ router failed", ex);
				return;
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			double accuracy = model.checks().getOrDefault("accuracy", 1.0);
			if (accuracy < MIN_CHECK_ACCURACY) {
				fail(version, "REJECTED", "held-out accuracy " + accuracy + " is below " + MIN_CHECK_ACCURACY);
				log.warn("FAQ router version {} rejected: held-out accuracy {}", version, accuracy);
				return;
			}
			FaqMatcher matcher = FaqMatcher.of(examples, answers(),
					FaqMatcher.usesAnswerSentences(model, examples) ? answerSentences() : List.of(), model,
					this.catalog.bundledEmbeddingModel());
			Map<String, Double> checks = new java.util.LinkedHashMap<>(model.checks());
			matcher.checks().forEach((key, value) -> checks.put("matcher." + key, value));
			goLive(version, model, matcher.suggestedThreshold(), checks, millis);
			this.live = new LiveRouter(version, revision, examples.size(), model, matcher, checks,
					java.time.Instant.now());
			this.entries = null;
			this.lastError = null;
			log.info("FAQ router version {} is live: {} entries, {} phrasings, trained in {} ms, checks {}", version,
					labels, examples.size(), millis, model.checks());
		}
		finally {
			this.training = false;
		}
	}

	private void goLive(int version, TrainedRouter model, double threshold, Map<String, Double> checks, long millis) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("update router_model set status = 'RETIRED' where status = 'LIVE'").update();
			this.jdbc
				.sql("""
						update router_model set status = 'LIVE', model = ?, suggested_threshold = ?, checks = cast(? as jsonb),
						    training_millis = ?, live_at = now()
						where version = ?
						""")
				.param(model.serialize())
				.param(threshold)
				.param(this.json.writeValueAsString(checks))
				.param(millis)
				.param(version)
				.update();
			this.feed.publish(CHANNEL, Integer.toString(version));
		});
	}

	/**
	 * With too few FAQ entries left, no router answers: the live one would route to
	 * entries that are gone.
	 */
	private void retireLive() {
		if (this.live != null) {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("update router_model set status = 'RETIRED' where status = 'LIVE'").update();
				this.feed.publish(CHANNEL, "retired");
			});
			log.info("FAQ router version {} retired: too few FAQ entries left", this.live.version());
			this.live = null;
		}
	}

	private void fail(int version, String status, String error) {
		this.lastError = error;
		this.jdbc.sql("update router_model set status = ?, error = ? where version = ?")
			.param(status)
			.param(error)
			.param(version)
			.update();
	}

	private void loadLive() {
		this.jdbc.sql("""
				select version, kb_revision, examples, model, suggested_threshold, checks::text as checks, live_at
				from router_model where status = 'LIVE'
				""").query((rs, row) -> {
			Timestamp liveAt = rs.getTimestamp("live_at");
			try {
				TrainedRouter model = TrainedRouter.deserialize(rs.getBytes("model"));
				Map<String, Double> checks = readChecks(rs.getString("checks"));
				if (checks.getOrDefault("matcher.scores", 0.0) != FaqMatcher.SCORES_VERSION) {
					log.info("The live FAQ router version {} predates hybrid FAQ matching (its threshold is for"
							+ " another score); a new one will be trained", rs.getInt("version"));
					this.unreadableVersion = rs.getInt("version");
					return null;
				}
				Map<String, Double> matcherChecks = new java.util.HashMap<>();
				checks.forEach((key, value) -> {
					if (key.startsWith("matcher.")) {
						matcherChecks.put(key.substring("matcher.".length()), value);
					}
				});
				List<PseudoQuestion> sentences = (matcherChecks.getOrDefault("answerSentences", 0.0) > 0)
						? answerSentences() : List.of();
				FaqMatcher matcher = FaqMatcher.of(examples(), answers(), sentences, model,
						rs.getDouble("suggested_threshold"), matcherChecks);
				return new LiveRouter(rs.getInt("version"), rs.getLong("kb_revision"), rs.getInt("examples"), model,
						matcher, checks, (liveAt != null) ? liveAt.toInstant() : java.time.Instant.now());
			}
			catch (IllegalArgumentException ex) {
				log.warn("The live FAQ router version {} cannot be read ({}); a new one will be trained",
						rs.getInt("version"), ex.getMessage());
				this.unreadableVersion = rs.getInt("version");
				return null;
			}
		}).optional().ifPresent((router) -> {
			this.live = router;
			this.entries = null;
		});
		if (this.live != null) {
			log.info("FAQ router version {} loaded (trained on revision {})", this.live.version(),
					this.live.kbRevision());
		}
	}

	/**
	 * The defaults; without the out-of-domain corpus when the FAQ was embedded by another
	 * model than the corpus.
	 */
	private RouterSettings settings() {
		RouterSettings defaults = RouterSettings.defaults();
		return this.catalog.bundledEmbeddingModel() ? defaults
				: defaults.withBackground(false, defaults.backgroundSimilarityCeiling(), defaults.backgroundWeight());
	}

	/** Every entry's answer, matched by its words besides the phrasings. */
	private List<EntryAnswer> answers() {
		List<EntryAnswer> answers = new ArrayList<>();
		for (FaqEntry entry : this.catalog.entries()) {
			answers.add(new EntryAnswer(entry.id(), entry.answer(), entry.language(), null));
		}
		return answers;
	}

	/**
	 * Every entry's answer sentences, embedded, which the matcher compares questions with
	 * when entries have one phrasing (ADR 0017; not stored: embedded again when a replica
	 * or a restart loads the live version); none when embedding fails (the matcher then
	 * matches by phrasings and answer words alone).
	 */
	private List<PseudoQuestion> answerSentences() {
		List<String> labels = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (FaqEntry entry : this.catalog.entries()) {
			for (String sentence : AnswerSentences.of(entry.answer(), entry.language())) {
				labels.add(entry.id());
				texts.add(sentence);
			}
		}
		if (texts.isEmpty()) {
			return List.of();
		}
		try {
			List<float[]> vectors = this.embeddings.embed(texts);
			List<PseudoQuestion> sentences = new ArrayList<>(texts.size());
			for (int i = 0; i < texts.size(); i++) {
				sentences.add(new PseudoQuestion(labels.get(i), texts.get(i), vectors.get(i)));
			}
			return sentences;
		}
		catch (RuntimeException ex) {
			log.warn("Embedding the FAQ answers' sentences failed ({}); matching without them", ex.getMessage());
			return List.of();
		}
	}

	private List<TrainingExample> examples() {
		return examples(this.catalog.phrasings());
	}

	private static List<TrainingExample> examples(List<FaqPhrasing> phrasings) {
		List<TrainingExample> examples = new ArrayList<>(phrasings.size());
		for (FaqPhrasing phrasing : phrasings) {
			examples.add(new TrainingExample(phrasing.faqId(), phrasing.text(), phrasing.vector()));
		}
		return examples;
	}

	private Map<String, Double> readChecks(String text) {
		Map<String, Double> checks = new java.util.LinkedHashMap<>();
		if (text != null) {
			this.json.readTree(text).properties().forEach((entry) -> {
				if (entry.getValue().isNumber()) {
					checks.put(entry.getKey(), entry.getValue().asDouble());
				}
			});
		}
		return checks;
	}

	private ThresholdChoice thresholdAndSource() {
		Double configured = this.properties.router().threshold();
		if (configured != null) {
			return new ThresholdChoice(configured, "configuration");
		}
		Optional<Double> saved = this.savedThreshold;
		if (saved == null) {
			saved = this.settings.get(AssistantSettings.ROUTER_THRESHOLD).map(Double::parseDouble);
			this.savedThreshold = saved;
		}
		if (saved.isPresent()) {
			return new ThresholdChoice(saved.get(), "calibration");
		}
		LiveRouter current = this.live;
		return new ThresholdChoice((current != null) ? current.matcher().suggestedThreshold() : 0.5, "model");
	}

	/**
	 * The threshold for a prediction of {@link #predict}: while the entry matcher answers
	 * (no router live here), its own calibrated threshold, since a configured or saved
	 * one was chosen for a router's score.
	 */
	private ThresholdChoice interimThreshold(ThresholdChoice choice) {
		EntryMatcher interim = this.entries;
		return (this.live == null && interim != null)
				? new ThresholdChoice(interim.matcher().suggestedThreshold(), "entry-matcher") : choice;
	}

	/**
	 * The model answering questions.
	 *
	 * @param version its version
	 * @param kbRevision the knowledge base revision it was trained on
	 * @param examples how many phrasings it learned from
	 * @param model the model
	 * @param matcher the model together with the FAQ's phrasings, which answers
	 * @param checks the model's and the matcher's calibration checks
	 * @param liveAt when it went live
	 */
	record LiveRouter(int version, long kbRevision, int examples, TrainedRouter model, FaqMatcher matcher,
			Map<String, Double> checks, java.time.Instant liveAt) {
	}

	private record ThresholdChoice(double threshold, String source) {
	}

	/**
	 * The matcher answering while no router is live.
	 *
	 * @param kbRevision the knowledge base revision it was built on
	 * @param matcher the FAQ's phrasings and answers, calibrated without a router
	 */
	private record EntryMatcher(long kbRevision, FaqMatcher matcher) {
	}

}
