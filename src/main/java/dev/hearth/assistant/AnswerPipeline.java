package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.hearth.assistant.router.RouterPrediction;
import dev.hearth.assistant.router.ScoredLabel;
import dev.hearth.knowledge.FaqCatalog;
import dev.hearth.knowledge.FaqEntry;
import dev.hearth.knowledge.KnowledgeSearch;
import dev.hearth.knowledge.Vectors;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

/**
 * From a customer's question to an {@link Answer}: FAQ router first, then passages from
 * documents (answered by the language model with a grounding check, or extractively),
 * else an escalation with its reason. See the package documentation. Thread-safe.
 */
@Service
public class AnswerPipeline {

	private static final Logger log = LoggerFactory.getLogger(AnswerPipeline.class);

	private final Queries queries;

	private final RouterService router;

	private final FaqCatalog catalog;

	private final KnowledgeSearch search;

	private final AssistantProperties properties;

	private final GenerativeAnswers generative;

	private final ObservationRegistry observations;

	AnswerPipeline(Queries queries, RouterService router, FaqCatalog catalog, KnowledgeSearch search,
			AssistantProperties properties, ObjectProvider<ChatModel> chatModel,
			ObjectProvider<ObservationRegistry> observations) {
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
		this.queries = queries;
		this.router = router;
		this.catalog = catalog;
		this.search = search;
		this.properties = properties;
		ChatModel model = chatModel.getIfAvailable();
		this.generative = (model != null) ? new GenerativeAnswers(model, properties.answer()) : null;
	}

	/**
	 * Answers a question that is not part of a stored conversation turn (it is made
	 * self-contained and embedded here).
	 * @param question the customer's question
	 * @param history the conversation before it, oldest first
	 * @param stream receives the answer's text as it is produced (nothing when
	 * escalating)
	 * @throws IllegalArgumentException if the question is empty or too long
	 */
	public Answer answer(String question, List<Turn> history, Consumer<String> stream) {
		return answer(question, history, null, stream);
	}

	/**
	 * Answers a customer turn's question, already made self-contained and embedded once
	 * for the whole turn ({@link Queries}).
	 * @param query the question, its self-contained form and that form's embedding
	 * @param history the conversation before it, oldest first
	 * @param stream receives the answer's text as it is produced (nothing when
	 * escalating)
	 */
	public Answer answer(Query query, List<Turn> history, Consumer<String> stream) {
		return answer(query, history, this.router.threshold(), stream, new Timings());
	}

	/**
	 * Answers with another out-of-scope threshold than the one in force: how
	 * {@code kb-import eval} checks a threshold before it is saved.
	 * @param threshold the router threshold to use, or {@code null} for the one in force
	 */
	Answer answer(String question, List<Turn> history, Double threshold, Consumer<String> stream) {
		if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
			throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
		}
		double routerThreshold = (threshold != null) ? threshold : this.router.threshold();
		Timings timings = new Timings();
		Query query = this.queries.of(question, history);
		timings.lap("embed");
		return answer(query, history, routerThreshold, stream, timings);
	}

	/**
	 * Observed as {@code hearth.answer} (a timer and, when tracing is on, a span) tagged
	 * with the decision, the escalation reason and who answered: closed sets, never the
	 * question.
	 */
	private Answer answer(Query turnQuery, List<Turn> history, double routerThreshold, Consumer<String> stream,
			Timings timings) {
		Observation observation = Observation.createNotStarted("hearth.answer", this.observations)
			.contextualName("answer question")
			.lowCardinalityKeyValue("decision", "failed")
			.lowCardinalityKeyValue("reason", "none")
			.lowCardinalityKeyValue("answered_by", "none")
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			Answer answer = decide(turnQuery, history, routerThreshold, stream, timings);
			observation.lowCardinalityKeyValue("decision", tag(answer.decision()))
				.lowCardinalityKeyValue("reason", tag(answer.reason()))
				.lowCardinalityKeyValue("answered_by", (answer.answeredBy() != null) ? answer.answeredBy() : "none");
			return answer;
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private Answer decide(Query turnQuery, List<Turn> history, double routerThreshold, Consumer<String> stream,
			Timings timings) {
		String question = turnQuery.question();
		String query = turnQuery.text();
		float[] vector = turnQuery.vector();

		Optional<RouterPrediction> prediction = this.router.predict(query, vector);
		timings.lap("route");
		List<Answer.Candidate> ranked = prediction.map(AnswerPipeline::candidates).orElse(List.of());
		String bestGuess = ranked.isEmpty() ? null : ranked.get(0).faqId();
		double routerConfidence = prediction.map(RouterPrediction::confidence).orElse(0.0);
		if (prediction.isPresent() && prediction.get().inScope(routerThreshold)) {
			Optional<FaqEntry> entry = this.catalog.entry(bestGuess).filter(this::forCustomers);
			if (entry.isPresent()) {
				stream.accept(entry.get().answer());
				Citation citation = new Citation(1, entry.get().title(), "", "faq:" + entry.get().id(),
						"/kb/faq/" + entry.get().id(), entry.get().answer());
				return new Answer(Decision.ANSWERED, null, entry.get().answer(), routerConfidence, routerConfidence,
						entry.get().id(), "faq", List.of(citation), ranked, timings.done());
			}
		}

		List<Passage> passages = Observation.createNotStarted("hearth.retrieval", this.observations)
			.contextualName("retrieve passages")
			.observe(() -> passages(query, vector));
		timings.lap("retrieve");
		double similarity = passages.isEmpty() ? 0 : passages.get(0).similarity();
		if (similarity < this.properties.answer().minSimilarity()) {
			EscalationReason reason = (routerConfidence >= 0.5 * routerThreshold
					|| similarity >= 0.8 * this.properties.answer().minSimilarity()) ? EscalationReason.LOW_CONFIDENCE
							: EscalationReason.OUT_OF_SCOPE;
			return escalate(reason, Math.max(routerConfidence, similarity), routerConfidence, bestGuess, ranked,
					timings);
		}
		if (this.generative != null) {
			GenerativeAnswers.Result result = Observation.createNotStarted("hearth.model.generate", this.observations)
				.contextualName("generate answer")
				.lowCardinalityKeyValue("model", "answer")
				.observe(() -> this.generative.generate(question, history, passages, stream));
			timings.lap("generate");
			switch (result) {
				case GenerativeAnswers.Generated generated -> {
					return new Answer(Decision.ANSWERED, null, generated.text(), similarity, routerConfidence, null,
							"model", generated.citations(), ranked, timings.done());
				}
				case GenerativeAnswers.NoAnswer noAnswer -> {
					return escalate(EscalationReason.LOW_CONFIDENCE, similarity, routerConfidence, bestGuess, ranked,
							timings);
				}
				case GenerativeAnswers.Ungrounded ungrounded -> {
					// The sentence may repeat what the customer wrote: its length only,
					// never its text
					log.info("Generated answer not supported by its passages, not shown ({} characters)",
							ungrounded.sentence().length());
					if (!ungrounded.shown().isBlank()) {
						return escalate(EscalationReason.UNGROUNDED, similarity, routerConfidence, bestGuess, ranked,
								timings);
					}
				}
				case GenerativeAnswers.Failed failed -> {
					log.warn("The language model failed: {}", failed.message());
					return escalate(EscalationReason.MODEL_FAILURE, similarity, routerConfidence, bestGuess, ranked,
							timings);
				}
			}
		}
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose(query, passages,
				this.properties.answer().maxSentences(), ExtractiveAnswers.locale(passages.get(0).hit().language()));
		timings.lap("compose");
		if (composed.text().isBlank()) {
			return escalate(EscalationReason.LOW_CONFIDENCE, similarity, routerConfidence, bestGuess, ranked, timings);
		}
		stream.accept(composed.text());
		return new Answer(Decision.ANSWERED, null, composed.text(), similarity, routerConfidence, null, "extractive",
				composed.citations(), ranked, timings.done());
	}

	private List<Passage> passages(String query, float[] vector) {
		Map<String, Set<String>> filters = Map.of("audience", new LinkedHashSet<>(this.properties.customerAudiences()));
		List<SearchHit> hits = this.search.search(query, vector, this.properties.answer().passages() * 2, filters)
			.hits()
			.stream()
			.filter((hit) -> hit.kind() == PassageKind.DOCUMENT_CHUNK)
			.limit(this.properties.answer().passages())
			.toList();
		Map<String, float[]> vectors = this.catalog.chunkVectors(hits.stream().map(SearchHit::id).toList());
		List<Passage> passages = new ArrayList<>(hits.size());
		for (SearchHit hit : hits) {
			float[] passageVector = vectors.get(hit.id());
			passages.add(new Passage(hit, (passageVector != null) ? Vectors.cosine(vector, passageVector) : 0));
		}
		passages.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
		return passages;
	}

	private boolean forCustomers(FaqEntry entry) {
		List<String> audiences = entry.tags().getOrDefault("audience", List.of());
		return audiences.isEmpty() || audiences.stream().anyMatch(this.properties.customerAudiences()::contains);
	}

	private static Answer escalate(EscalationReason reason, double confidence, double routerConfidence,
			String bestGuess, List<Answer.Candidate> ranked, Timings timings) {
		return new Answer(Decision.ESCALATE, reason, "", confidence, routerConfidence, bestGuess, null, List.of(),
				ranked, timings.done());
	}

	private static String tag(Enum<?> value) {
		return (value != null) ? value.name().toLowerCase(java.util.Locale.ROOT) : "none";
	}

	private static List<Answer.Candidate> candidates(RouterPrediction prediction) {
		List<Answer.Candidate> candidates = new ArrayList<>();
		for (ScoredLabel label : prediction.ranked()) {
			candidates.add(new Answer.Candidate(label.label(), label.probability()));
		}
		return candidates;
	}

	/** Milliseconds per step. */
	private static final class Timings {

		private final long started = System.nanoTime();

		private long last = this.started;

		private final Map<String, Long> laps = new LinkedHashMap<>();

		void lap(String step) {
			long now = System.nanoTime();
			this.laps.put(step, (now - this.last) / 1_000_000);
			this.last = now;
		}

		Map<String, Long> done() {
			this.laps.put("total", (System.nanoTime() - this.started) / 1_000_000);
			return Map.copyOf(this.laps);
		}

	}

}
