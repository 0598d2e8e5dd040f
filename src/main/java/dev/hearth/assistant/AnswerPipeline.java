package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.hearth.knowledge.FaqCatalog;
import dev.hearth.knowledge.FaqEntry;
import dev.hearth.knowledge.KnowledgeSearch;
import dev.hearth.privacy.AuditTrail;
import dev.hearth.privacy.Redactor;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

/**
 * From a customer's question to an {@link Answer}, in three named stages:
 * {@link FaqRouting} (an FAQ entry answers when the match is confident), then
 * {@link DocumentRetrieval} (the closest passages customers may see) and
 * {@link DocumentComposition} (answered by the language model with a grounding check, or
 * extractively when the span answers the question), else an escalation whose reason
 * {@link EscalationRule} gives. The question arrives made self-contained and embedded
 * once for the whole turn ({@link Queries}). Every threshold is in
 * {@link AssistantProperties} ({@code docs/answering.md}). Observed as
 * {@code hearth.answer} and {@code hearth.retrieval} (timers, and spans when tracing is
 * on). See the package documentation. Thread-safe.
 */
@Service
public class AnswerPipeline {

	private static final Logger log = LoggerFactory.getLogger(AnswerPipeline.class);

	/**
	 * The best-ranked passages whose span may corroborate the router's best guess (ADR
	 * 0042): six, as many as a document answer was composed from when that was measured;
	 * the composer is offered more since ADR 0081.
	 */
	static final int CORROBORATING_PASSAGES = 6;

	private final Queries queries;

	private final RouterService router;

	private final AssistantProperties properties;

	private final FaqRouting routing;

	private final DocumentRetrieval retrieval;

	private final DocumentComposition composition;

	private final EscalationRule escalation;

	private final Answerability answerability;

	private final Answerability faqAnswerability = Answerability.forFaqEntries();

	private final ObservationRegistry observations;

	private final LanguageDetection detection;

	private final LanguageFit languages;

	private final AnswerEvidence evidence;

	private final KnowledgeTextEmbeddings knowledgeTexts;

	private final Corroboration corroboration;

	private final FaqCatalog catalog;

	private final KnowledgeWords knowledgeWords;

	private final TagSiblings tagSiblings;

	private final QueryTranslations translations;

	/** In how many passages of the model's language a phrase's words occur together. */
	private final ToIntFunction<String> passagesHolding;

	/** Whether the vector of a search with the history is composed, not embedded. */
	private final boolean composeHistory;

	AnswerPipeline(Queries queries, RouterService router, FaqCatalog catalog, KnowledgeSearch search,
			AssistantProperties properties, ObjectProvider<ChatModel> chatModel,
			ObjectProvider<ObservationRegistry> observations, LanguageDetection detection, Redactor redactor,
			ObjectProvider<AuditTrail> audit) {
		this.detection = detection;
		this.catalog = catalog;
		this.knowledgeWords = new KnowledgeWords(search::unknownWords, search::wordsHeldTogether, catalog::entries,
				catalog::revision);
		this.tagSiblings = new TagSiblings(catalog::entries, catalog::revision);
		String modelLanguage = properties.language().modelLanguages().get(0);
		this.passagesHolding = (phrase) -> search.passagesHolding(phrase, modelLanguage);
		this.translations = QueryTranslations.load(properties.language().dictionaries(), this.passagesHolding,
				(phrase) -> search.passagesWithPhrase(phrase, modelLanguage));
		this.languages = new LanguageFit(properties.language().modelLanguages(), catalog::entry,
				properties.customerAudiences());
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
		this.queries = queries;
		this.router = router;
		this.properties = properties;
		this.retrieval = new DocumentRetrieval(new DocumentRetrieval.Search() {

			@Override
			public List<SearchHit> search(String query, float[] vector, int top, Map<String, Set<String>> filters) {
				return ((vector != null) ? search.search(query, vector, top, filters)
						: search.search(query, top, filters, null))
					.hits();
			}

			@Override
			public List<SearchHit> documents(String query, float[] vector, int wanted, int top, int factor, int maxTop,
					Map<String, Set<String>> filters) {
				return search.search(query, vector, PassageKind.DOCUMENT_CHUNK, wanted, top, factor, maxTop, filters);
			}

		}, properties.answer().passages(), properties.customerAudiences());
		this.answerability = new Answerability(properties.answer().minCoverage());
		this.corroboration = new Corroboration(properties.answer().corroboration(), Corroboration.MIN_WORDS);
		ChatModel model = chatModel.getIfAvailable();
		KnowledgeTextEmbeddings knowledgeTexts = new KnowledgeTextEmbeddings(queries::embed);
		this.knowledgeTexts = knowledgeTexts;
		Neighbours neighbours = new Neighbours(catalog::entry, knowledgeTexts::embed, Neighbours.MIN_SHARE,
				Neighbours.MARGIN);
		this.routing = new FaqRouting(router::predict, catalog::entry, properties.customerAudiences(),
				neighbours::settle);
		this.composeHistory = properties.answer().historyVector() == AssistantProperties.HistoryVector.COMPOSED;
		this.composition = new DocumentComposition(
				(model != null) ? new GenerativeAnswers(model, properties.answer(), new OutputCheck(redactor)) : null,
				properties.answer().maxSentences(), this.answerability, this.observations,
				(check, detail,
						fallback) -> audit.ifAvailable((trail) -> trail.record("MODEL_OUTPUT_REJECTED", "hearth",
								"answer", java.util.Map.of("check", check, "detail", detail, "fallback", fallback))),
				new EvidenceAgreement(knowledgeTexts::embed, properties.answer().agreementBm25Rank(),
						properties.answer().agreementSentenceSimilarity()),
				properties.answer().model(), knowledgeTexts::embed, properties.answer().minSimilarity(),
				properties.answer().similarityGate());
		this.evidence = new AnswerEvidence(knowledgeTexts::embed, AnswerEvidence.MARGIN,
				properties.answer().minSimilarity());
		this.escalation = new EscalationRule(properties.router().lowConfidenceShare(),
				properties.answer().lowConfidenceShare());
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
		return answer(query, history, null, stream);
	}

	/**
	 * Answers a customer turn's question in the customer's language: an FAQ entry or
	 * passage in that language is preferred, and where the embedding model does not
	 * understand it an FAQ entry needs the question's words ({@link LanguageFit}).
	 * @param query the question, its self-contained form and that form's embedding
	 * @param history the conversation before it, oldest first
	 * @param language the language the question is written in
	 * ({@link LanguageDetection}), or {@code null} if unknown
	 * @param stream receives the answer's text as it is produced (nothing when
	 * escalating)
	 */
	public Answer answer(Query query, List<Turn> history, String language, Consumer<String> stream) {
		return answer(query, history, List.of(), language, this.router.threshold(), stream);
	}

	/**
	 * Answers a stored customer turn: its query, history and language as
	 * {@link #answer(Query, List, String, Consumer)}, and the embeddings its earlier
	 * questions were stored with, from which the vector of a document search with the
	 * history is composed (no second model call for the turn).
	 * @param turn the customer's turn; its query must not be {@code null}
	 * @param stream receives the answer's text as it is produced (nothing when
	 * escalating)
	 */
	public Answer answer(CustomerTurn turn, Consumer<String> stream) {
		return answer(turn.query(), turn.history(), turn.earlierQuestions(), turn.language(), this.router.threshold(),
				stream);
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
		return answer(this.queries.of(question, history), history, List.of(), this.detection.resolve(question, null),
				routerThreshold, stream);
	}

	/**
	 * Observed as {@code hearth.answer} tagged with the decision, the escalation reason
	 * and who answered: closed sets, never the question.
	 */
	private Answer answer(Query turnQuery, List<Turn> history, List<CustomerTurn.EarlierQuestion> earlier,
			String language, double routerThreshold, Consumer<String> stream) {
		Observation observation = Observation.createNotStarted("hearth.answer", this.observations)
			.contextualName("answer question")
			.lowCardinalityKeyValue("decision", "failed")
			.lowCardinalityKeyValue("reason", "none")
			.lowCardinalityKeyValue("answered_by", "none")
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			DocumentRetrieval.PieceVectors pieces = pieceVectors(history, earlier);
			// in a language the model does not understand, the answer from content in
			// that language is held until its translated reading was compared with it
			boolean crossRead = language != null && !this.languages.understood(language);
			List<String> held = new ArrayList<>();
			Answer answer = decide(turnQuery, turnQuery.question(), false, history, pieces, language, routerThreshold,
					crossRead ? held::add : stream);
			if (crossRead && answer.decision() != Decision.ESCALATE) {
				answer = orTranslated(turnQuery, history, pieces, language, routerThreshold, stream, answer, held);
			}
			if (answer.decision() == Decision.ESCALATE) {
				answer = byDefinedName(turnQuery, history, pieces, language, routerThreshold, stream, answer);
			}
			if (answer.decision() == Decision.ESCALATE) {
				answer = byTranslation(turnQuery, history, pieces, language, routerThreshold, stream, answer);
			}
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

	/**
	 * A question that found no answer in a language the embedding model does not
	 * understand, asked again translated word by word into the model's language
	 * ({@link QueryTranslations}, ADR 0069: "Wie richte ich eine eSIM ein?" over English
	 * content). The translated question goes through every check an English question
	 * does; {@code escalated} when no dictionary serves the language or the translated
	 * question finds no answer either.
	 */
	private Answer byTranslation(Query turnQuery, List<Turn> history, DocumentRetrieval.PieceVectors pieces,
			String language, double routerThreshold, Consumer<String> stream, Answer escalated) {
		if (language == null || this.languages.understood(language)) {
			return escalated;
		}
		Optional<String> translated = this.translations.translate(turnQuery.question(), language);
		if (translated.isEmpty()) {
			return escalated;
		}
		String target = this.properties.language().modelLanguages().get(0);
		log.debug("No answer for the question in '{}'; asked again translated word by word: {}", language,
				translated.get());
		Answer again = decide(this.queries.of(translated.get(), history), translated.get(), true, history, pieces,
				target, routerThreshold, stream);
		return (again.decision() == Decision.ANSWERED) ? again : escalated;
	}

	/**
	 * The answer from content in the question's own language, or its translated reading's
	 * when that answer names more of what was asked ({@link TranslatedReading}, ADR 0074:
	 * "Welche Zahlungsmethoden akzeptiert ihr?" found the German due-date entry before
	 * the English payment methods were ever searched). The answer that stays is streamed
	 * then; an answer taken from content in another language is not compared.
	 * @param own the answer to the question as written, not yet streamed
	 * @param held what that answer streamed, in order
	 */
	private Answer orTranslated(Query turnQuery, List<Turn> history, DocumentRetrieval.PieceVectors pieces,
			String language, double routerThreshold, Consumer<String> stream, Answer own, List<String> held) {
		String code = LanguageDetection.normalize(language);
		Optional<String> translated = code.equals(LanguageDetection.normalize(own.language()))
				? this.translations.translate(turnQuery.question(), language) : Optional.empty();
		Optional<Set<String>> senses = translated.flatMap((t) -> this.translations.senses(said(own), language));
		if (senses.isPresent()) {
			String target = this.properties.language().modelLanguages().get(0);
			List<String> again = new ArrayList<>();
			Answer other = decide(this.queries.of(translated.get(), history), translated.get(), true, history, pieces,
					target, routerThreshold, again::add);
			// one count query per word of the translated question, asked once
			Map<String, Double> asked = TranslatedReading.weights(translated.get(), this.passagesHolding);
			String otherSaid = said(other);
			log.debug("Translated reading '{}': {} {}; it names {} of {}, the answer in '{}' {}", translated.get(),
					other.decision(), other.faqId(), TranslatedReading.named(asked, ContentWords.setOf(otherSaid)),
					asked, language, TranslatedReading.named(asked, senses.get()));
			if (other.decision() == Decision.ANSWERED && !code.equals(LanguageDetection.normalize(other.language()))
					&& TranslatedReading.better(asked, senses.get(), otherSaid)
					&& !TranslatedReading.counterpart(own.text(), other.text())) {
				log.debug("The answer in '{}' names less of the question than its translated reading's ({}): that "
						+ "answers", language, translated.get());
				again.forEach(stream);
				return other;
			}
		}
		held.forEach(stream);
		return own;
	}

	/**
	 * What an answer says it answers and says: an FAQ entry's question, phrasings and
	 * answer; a passage's heading and text as written.
	 */
	private String said(Answer answer) {
		return (answer.faqId() != null)
				? this.catalog.entry(answer.faqId()).map(FaqAnswers::context).orElse(answer.text()) : answer.text();
	}

	/**
	 * A question that found no answer, asked again with the company's own name for a
	 * thing it calls by its generic word, when the knowledge base defines that name
	 * ({@link DefinedNames}: "how do I restart my router?" where a page says "Your
	 * Northwind Hub is the router that ..."): the passages found for each of its content
	 * words are read for such a definition, and the first word defined is replaced.
	 * {@code escalated} when no word is defined or the renamed question finds no answer
	 * either.
	 */
	private Answer byDefinedName(Query turnQuery, List<Turn> history, DocumentRetrieval.PieceVectors pieces,
			String language, double routerThreshold, Consumer<String> stream, Answer escalated) {
		if (!this.languages.understood(language)) {
			return escalated;
		}
		String question = turnQuery.question();
		Set<String> seen = new HashSet<>();
		for (String word : question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			String singular = (word.length() > 3 && word.endsWith("s")) ? word.substring(0, word.length() - 1) : word;
			if (ContentWords.of(singular).isEmpty() || !seen.add(singular)) {
				continue;
			}
			if (!DefinedNames.plain(question, singular)) {
				continue;
			}
			List<String> texts = retrieveAlone(singular, this.queries.embed(singular), language).stream()
				.map((passage) -> passage.hit().passage())
				.toList();
			Optional<String> name = DefinedNames.nameFor(singular, texts);
			if (name.isEmpty() || ContentWords.setOf(question).containsAll(ContentWords.setOf(name.get()))) {
				continue;
			}
			String renamed = DefinedNames.named(question, singular, name.get());
			log.debug("No answer for the question; the knowledge base calls its {} {}: asked again so", singular,
					name.get());
			Answer again = decide(this.queries.of(renamed, history), question, false, history, pieces, language,
					routerThreshold, stream);
			return (again.decision() == Decision.ANSWERED) ? again : escalated;
		}
		return escalated;
	}

	/**
	 * The answer to one question.
	 * @param own the customer's own words: the question, or, when it is asked again with
	 * the knowledge base's name for a thing ({@link #byDefinedName}), the words before
	 * @param wordByWord whether the question is a word-by-word translation of the
	 * customer's ({@link #byTranslation}, {@link #orTranslated}): each of its words is a
	 * sense the dictionary chose, not one the customer wrote
	 */
	private Answer decide(Query turnQuery, String own, boolean wordByWord, List<Turn> history,
			DocumentRetrieval.PieceVectors pieces, String language, double routerThreshold, Consumer<String> stream) {
		Timings timings = new Timings(turnQuery.embedMillis());
		String question = turnQuery.question();
		String query = turnQuery.text();
		float[] vector = turnQuery.vector();

		FaqRouting.Routed routed = this.languages.faq(this.routing.route(query, vector, routerThreshold), query,
				language);
		timings.lap("route");
		if (this.neverNamed(question)) {
			// "how to add netflix to my tv package", "how do I set up call forwarding",
			// "how much is a replacement voice remote": no text here names the thing, so
			// none says anything about it; the extra TV box's entry or the page on
			// calling customer service would answer another question (ADR 0050, 0071).
			// Out of scope when nothing near was found either, as for any question no
			// text answers
			log.debug("The question asks about a thing the knowledge base never names");
			List<Passage> passages = retrieve(query, vector, history, pieces, language);
			double similarity = passages.isEmpty() ? 0 : passages.get(0).similarity();
			EscalationReason reason = this.escalation.reason(routed.confidence(), routerThreshold, similarity,
					this.properties.answer().minSimilarity());
			return escalate(unjudged(reason, routed), Math.max(routed.confidence(), similarity), routed, timings);
		}
		// the documents' span of a set of passages is extracted once a turn: the FAQ
		// entry's weighing, the best guess's corroboration and the document answer read
		// the same
		Extractions extractions = new Extractions(query, question, vector, FollowUps.previousAnswer(history));
		List<Passage> retrieved = null;
		FaqEntry fallback = null;
		// a short question in a conversation is read with what came before ("how much
		// notice do I have to give?" after a cancellation); only one that opens the
		// conversation is held back because several entries name its words
		boolean contextualised = !query.strip().equals(question.strip());
		if (contextualised) {
			log.debug("The follow-up is searched as: {}", query);
		}
		// a question on a topic of its own, in a conversation whose topic Hearth said, is
		// searched as if asked first: the conversation's words would only pull the search
		// back to what was answered ("my direct debit was taken twice" after the TV Box's
		// answer; ADR 0064)
		List<Turn> searched = (!contextualised && FollowUps.opensNewTopic(question, history)
				&& FollowUps.saidByHearth(history, this.queries::faqAnswers)) ? List.of() : history;
		if (searched != history) {
			log.debug("The question names a topic the conversation has not: its documents are searched alone");
		}
		boolean standsAlone = !contextualised && !FollowUps.customerAsked(history);
		// a bare topic ("bill") later in a conversation that did not lean back was routed
		// by its own words as well: the conversation did not say what it is about
		boolean bareTopic = !contextualised && CloseCandidates.isBareTopic(question);
		if (this.routing.ambiguous(question, routed)
				|| ((standsAlone || bareTopic) && this.routing.namedBySeveral(question, routed))) {
			// "bill": two entries fit about equally; the policy asks which one is meant
			log.debug("Entries other than {} fit the short question about as well: asking which is meant",
					routed.entry().map(FaqEntry::id).orElse(null));
			return escalate(EscalationReason.LOW_CONFIDENCE, routed.confidence(), routed, timings);
		}
		// word by word: only in a language the model understands (a German compound,
		// "Monatsrechnung", says "Rechnung" to a reader, not to a word match)
		Set<String> unsaid = (contextualised || !this.languages.understood(language)) ? Set.of()
				: this.routing.narrowerThanAsked(question, routed);
		if (!unsaid.isEmpty()) {
			// "why is my bill higher than last month?" never says the first bill's
			// "first", and the price rise is the runner-up: the entry is about a
			// narrower case than the question (ADR 0058)
			log.debug("FAQ entry {} is narrowed to {}, which neither the question nor the runner-up says",
					routed.entry().get().id(), unsaid);
			return escalate(EscalationReason.LOW_CONFIDENCE, routed.confidence(), routed, timings);
		}
		// "and in Thailand?" after the USA asks the previous question again of another
		// place: the entry that answered it may answer again
		boolean askedOfAnother = contextualised && FollowUps.asksAgainOfAnother(question, history);
		// the follow-up's entry would say again what the previous answer said
		boolean saidAlready = contextualised && !askedOfAnother
				&& routed.entry()
					.map((entry) -> FollowUps.repeats(FollowUps.previousAnswer(history), entry.answer()))
					.orElse(false);
		if (saidAlready) {
			// "how much is it?" after the entry that said the price: that fact again, on
			// its own (ADR 0072)
			FaqEntry entry = routed.entry().get();
			Optional<String> again = RestatedFacts.of(question, entry.answer());
			if (again.isPresent()) {
				log.debug("The follow-up asks only a kind of fact, which FAQ entry {} stated: said again", entry.id());
				return restated(entry, again.get(), routed, timings, stream);
			}
		}
		// "can I cancel it anytime?" after the mobile plans asks about them: an entry
		// that says nothing of what "it" stands for answers another question, the
		// general one its own words ask
		Optional<Set<String>> subject = contextualised ? ReferredSubject.of(question, history) : Optional.empty();
		if (!saidAlready && routed.entry().isPresent() && !aboutSubject(subject, routed.entry().get())) {
			log.debug("FAQ entry {} says nothing of {}, which the follow-up's pronoun stands for",
					routed.entry().get().id(), subject.get());
			routed = new FaqRouting.Routed(routed.ranked(), routed.confidence(), Optional.empty());
		}
		if (saidAlready || (contextualised && !askedOfAnother && routed.entry().isEmpty())) {
			Answer alone = followUpAlone(question, history, subject, language, routerThreshold, timings, stream);
			if (alone != null) {
				return alone;
			}
		}
		if (routed.entry().isPresent()) {
			FaqEntry entry = routed.entry().get();
			String context = FaqAnswers.context(entry);
			Answerability.Verdict verdict = this.faqAnswerability.judge(query, question, context, entry.answer(),
					Set.of());
			if (!verdict.answers() && verdict.missing().equals(Answerability.NAME_MISSING)) {
				// a name the whole knowledge base uses (the company's) distinguishes
				// nothing; the entry was matched on the question alone, so is the span
				// it is weighed against (no second embedding with the history)
				retrieved = retrieveAlone(query, vector, language);
				verdict = this.faqAnswerability.judge(query, question, context, entry.answer(),
						FaqAnswers.common(retrieved));
			}
			if (!verdict.answers() && verdict.missing().equals(Answerability.NAME_MISSING)) {
				// "will my phone work in Turkey": the entry for outside the EU, not the
				// EU's, names it (ADR 0068)
				Set<String> common = (retrieved == null) ? Set.of() : FaqAnswers.common(retrieved);
				Optional<FaqEntry> naming = this.routing.namingNeighbour(own, routed,
						(other) -> this.faqAnswerability
							.judge(query, question, FaqAnswers.context(other), other.answer(), common)
							.answers());
				if (naming.isPresent()) {
					log.debug("FAQ entry {} names the name the question gives, which entry {} does not",
							naming.get().id(), entry.id());
					entry = naming.get();
					routed = new FaqRouting.Routed(routed.ranked(), routed.confidence(), naming);
					context = FaqAnswers.context(entry);
					verdict = this.faqAnswerability.judge(query, question, context, entry.answer(), common);
				}
			}
			Optional<String> sibling = verdict.answers() ? this.tagSiblings.otherValue(question, entry)
					: Optional.empty();
			if (sibling.isPresent()) {
				// "is there a discount if I take TV and broadband together?": the bundle
				// discount is tagged for fibre and mobile, says "mobile" and never "TV"
				verdict = new Answerability.Verdict(false, verdict.coverage(),
						"it is not tagged for " + sibling.get() + ", which the question names");
			}
			boolean repeats = !askedOfAnother && FollowUps.repeats(FollowUps.previousAnswer(history), entry.answer());
			if (verdict.answers() && !repeats) {
				if (!this.languages.understood(language)) {
					// the model's similarities say nothing in this language
					return faqAnswer(entry, question, language, routed, timings, stream);
				}
				// a short question right after an answer may ask about what that answer
				// was about ("is the router included?" after the plans' prices): the
				// entry its own words matched is weighed against the documents found
				// with the conversation, both measured against the question read with
				// the customer's previous message
				boolean continues = retrieved == null && !contextualised && searched == history
						&& FollowUps.mayContinue(question, history);
				retrieved = (retrieved != null) ? retrieved
						: retrieve(query, vector, continues ? history : List.of(), continues ? pieces : null, language);
				ExtractiveAnswers.Span span = answeringSpan(extractions, query, retrieved);
				float[] weighed = continues ? withPreviousQuestion(query, vector, history, pieces) : vector;
				boolean documentsWin = this.evidence.documentsWin(query, own, weighed, entry, span);
				ExtractiveAnswers.Span winner = span;
				log.debug("FAQ entry {} weighed against the span {}: documents win {}", entry.id(),
						(span == null) ? null : span.heading(), documentsWin);
				if (!documentsWin && continues) {
					// it may as well be complete by itself ("how do I reset my router?"
					// after the plans' prices): the documents found for it alone are
					// weighed as for a question that opens a conversation
					List<Passage> alone = retrieveAlone(query, vector, language);
					ExtractiveAnswers.Span aloneSpan = answeringSpan(extractions, query, alone);
					documentsWin = this.evidence.documentsWin(query, vector, entry, aloneSpan);
					log.debug("FAQ entry {} weighed against the span of the question alone {}: documents win {}",
							entry.id(), (aloneSpan == null) ? null : aloneSpan.heading(), documentsWin);
					retrieved = documentsWin ? alone : retrieved;
					winner = aloneSpan;
				}
				if (!documentsWin && span != null && !continues) {
					// the span came from another section than the one about the thing
					// itself ("Setting up the TV Box" for "what comes with the TV Box?"):
					// that section, when retrieved, is weighed by its own span (ADR 0067)
					List<Passage> itself = thingItself(extractions, query, vector, entry, span, retrieved);
					if (itself != null) {
						documentsWin = true;
						retrieved = itself;
						winner = extractions.of(itself).span();
					}
				}
				// a detail the entry leaves out and the span names ("the afternoon slot"
				// against the installation entry): the page answers, or a person (ADR
				// 0093); not of a word-by-word translation, whose rare word may be the
				// dictionary's sense ("put" for "wenden"), which no customer asked about
				Set<String> leftOut = (documentsWin || wordByWord || !this.properties.answer().leftOutDetails())
						? Set.of() : LeftOutDetails.namedOnlyBySpan(query, entry, span, this.passagesHolding);
				if (!leftOut.isEmpty()) {
					log.debug("FAQ entry {} leaves out {}, which span {} names", entry.id(), leftOut, span.heading());
					documentsWin = true;
					winner = span;
				}
				if (!documentsWin) {
					return faqAnswer(entry, question, language, routed, timings, stream);
				}
				log.debug("Documents answer better than FAQ entry {}", entry.id());
				// the thing's own section is chosen by the words of the question,
				// the entry and its headings, not by similarity alone (ADR 0067)
				// and so is a span that states the fact asked of what the entry never
				// says (ADR 0073)
				// and so is the row and column of a table the question names (ADR 0086)
				// and a span that names the main clause of a question whose entry shares
				// only its qualifying clause (ADR 0091)
				if (!ThingItself.sectionIsTheThing(query, entry, winner)
						&& !AnswerEvidence.sharesOnlyTheQualifyingClause(query, entry, winner)
						&& UnsaidFacts.statedOnlyBySpan(query, own, entry, winner).isEmpty()
						&& !TableColumns.statesCellAsked(query, winner)
						&& !AskedRelation.chargeStatedOfThing(own, winner)
						&& !this.composition.agreesOn(vector, winner)) {
					// neither the entry nor a span it lost to that the
					// retrievers do not agree on is given ("what happens
					// when my contract ends": the final bill, tenth by its
					// words; ADR 0057)
					log.debug("The retrievers do not agree on the span that answers better than FAQ entry {}",
							entry.id());
					return escalate(EscalationReason.LOW_CONFIDENCE, routed.confidence(), routed, timings);
				}
				fallback = leftOut.isEmpty() ? entry : null;
			}
			// an entry that would repeat the previous answer is never given again (a
			// follow-up is not answered with the answer it follows, ADR 0025): the
			// documents may say what it did not, else the question escalates
			log.debug("FAQ entry {} does not answer the question: {}", entry.id(),
					repeats ? "it was the previous answer" : verdict.missing());
		}
		List<Passage> passages = (retrieved != null) ? retrieved : retrieve(query, vector, searched, pieces, language);
		timings.lap("retrieve");
		if (routed.entry().isEmpty()) {
			FaqEntry corroborated = corroborated(query, vector, history, contextualised, language, routed, passages,
					extractions);
			if (corroborated != null && !aboutSubject(subject, corroborated)) {
				log.debug("Best guess {} says nothing of {}, which the follow-up's pronoun stands for",
						corroborated.id(), subject.get());
				corroborated = null;
			}
			if (corroborated != null) {
				return faqAnswer(corroborated, question, language, routed, timings, stream);
			}
		}
		double similarity = passages.isEmpty() ? 0 : passages.get(0).similarity();
		double minSimilarity = this.properties.answer().minSimilarity();
		// with a span gate configured (similarity-gate, ADR 0035) an extractive answer is
		// gated by its span when composed, not by the best passage here; the passage's
		// similarity always gates a language model's answer. Below the gate, a span is
		// still composed and checked when its own heading names the question's topic
		// (ADR 0052)
		boolean spanGated = this.composition.gatesSpans() && vector != null && vector.length > 0;
		boolean farPassage = similarity < minSimilarity;
		boolean below = farPassage && fallback == null && !spanGated && !passages.isEmpty()
				&& this.composition.extractive();
		boolean named = below && namedByHeading(query, extractions.of(passages));
		// by the words alone only when they are the question's own (no conversation was
		// searched with it), the model understands the language and a passage came near
		// ("nearly found", where an escalation is LOW_CONFIDENCE)
		boolean byWords = below && !named && standsAlone && this.languages.understood(language)
				&& similarity >= this.properties.answer().lowConfidenceShare() * minSimilarity;
		// when the span names at least half the question's topic words
		boolean firstByWords = byWords && firstByWords(query, extractions.of(passages));
		// or says a phrase of the question's own that almost no other passage holds
		// ("quietest times", ADR 0078)
		boolean rarePhrase = byWords && !firstByWords && rarePhrase(query, extractions.of(passages));
		// or names, in one sentence, every topic word but the customer's generic word for
		// an offering and states the fact or the way asked ("Sports: €20 per month" for
		// "how much is the sports package"): with the best passage at least the
		// low-confidence share,
		// or, for a fact asked of a product by a generic word, half of min-similarity
		// (ADR 0084)
		boolean statedOfThing = below && !named && !firstByWords && !rarePhrase && standsAlone
				&& this.languages.understood(language)
				&& statedOfTheThing(query, question, similarity, minSimilarity, extractions.of(passages));
		boolean headed = named || firstByWords || rarePhrase || statedOfThing;
		if (farPassage && !passages.isEmpty() && log.isDebugEnabled()) {
			Passage best = passages.get(0);
			log.debug("The best passage, {} > {}, is {} similar, below {}{}", best.hit().title(),
					best.hit().sectionPath(), String.format(Locale.ROOT, "%.3f", similarity), minSimilarity,
					named ? "; the span's heading names the question's topic" : firstByWords
							? "; the span's passage is BM25's first document chunk"
							: rarePhrase ? "; the span says a phrase of the question few passages hold" : statedOfThing
									? "; a sentence of the span names the thing and states the fact asked" : "");
		}
		if (farPassage && fallback == null && !headed && (!spanGated || passages.isEmpty())) {
			EscalationReason reason = this.escalation.reason(routed.confidence(), routerThreshold, similarity,
					minSimilarity);
			return escalate(unjudged(reason, routed), Math.max(routed.confidence(), similarity), routed, timings);
		}
		DocumentComposition.Composed composed = this.composition.compose(question, query, vector, history, passages,
				stream, timings, fallback != null || statedOfThing, () -> extractions.of(passages));
		FaqEntry again = fallback;
		return switch (composed) {
			case DocumentComposition.Written written -> documentAnswer(written, passages, similarity, routed, timings);
			case DocumentComposition.Declined declined -> (again != null)
					? faqAnswer(again, question, language, routed, timings, stream) : farPassage
							// as if the passage had gated it: out of scope when nothing
							// related was found
							? escalate(
									unjudged(this.escalation.reason(routed.confidence(), routerThreshold, similarity,
											minSimilarity), routed),
									Math.max(routed.confidence(), similarity), routed, timings)
							: escalate(unjudged(declined.reason(), routed), similarity, routed, timings);
		};
	}

	/**
	 * Whether the question asks about a thing ({@link AskedThing}) that the knowledge
	 * base never names: a word of the thing's phrase no text holds ("call forwarding"),
	 * or a phrase whose words each text holds only apart ("replacement voice remote",
	 * "satellite internet plan"; ADR 0071).
	 */
	private boolean neverNamed(String question) {
		List<String> phrases = AskedThing.phrases(question);
		if (phrases.isEmpty()) {
			return false;
		}
		// "how much is the kids bundle": the customer's generic word for an offering
		// ("bundle", "tariff") is no name of the thing; its other words are (ADR 0084)
		phrases = phrases.stream().map(this::withoutUnusedGeneric).toList();
		if (!this.knowledgeWords.unknown(phrases.get(0)).isEmpty()) {
			return true;
		}
		for (String phrase : phrases) {
			if (this.knowledgeWords.unknown(phrase).isEmpty() && !this.knowledgeWords.namedTogether(phrase)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The phrase without the customer's generic words for an offering that no text of the
	 * knowledge base uses ("tariff" in "unlimited mobile tariff"); a generic word the
	 * texts use ("add-on") stays, so "gaming add-on" is still never named together (ADR
	 * 0084).
	 */
	private String withoutUnusedGeneric(String phrase) {
		Set<String> unknown = this.knowledgeWords.unknown(phrase);
		if (unknown.isEmpty() || !unknown.stream().allMatch(ProductWords::generic)) {
			return phrase;
		}
		return ProductWords.withoutGeneric(phrase, unknown);
	}

	/**
	 * The least share of {@code min-similarity} the best passage must reach for a span
	 * that states the fact asked of a product the question calls by a generic word
	 * ({@link ProductWords}): the customer's class word is in no text, so the question's
	 * vector meets the passage that names the product only loosely (ADR 0084).
	 */
	static final double GENERIC_FACT_SHARE = 0.5;

	/**
	 * Whether a sentence of the span the documents would answer with names every topic
	 * word of the question but its generic words for an offering and states what it asks,
	 * each kind of fact asked or the way asked ({@link ProductWords#statedOfTheThing}),
	 * with the best passage at least {@code low-confidence-share} of
	 * {@code min-similarity}; or at least {@link #GENERIC_FACT_SHARE} of it when the
	 * question asks a fact (an amount, a time, a number) of a thing it calls by a generic
	 * word ("how much is the sports package": "Sports: €20 per month", ADR 0084). The
	 * span then meets every check a span above the gate meets, that sentence standing in
	 * for the retrievers' agreement.
	 */
	private boolean statedOfTheThing(String query, String question, double similarity, double minSimilarity,
			ExtractiveAnswers.Composed composed) {
		if (composed.span() == null || composed.text().isBlank()) {
			return false;
		}
		boolean near = similarity >= this.properties.answer().lowConfidenceShare() * minSimilarity;
		boolean genericFact = similarity >= GENERIC_FACT_SHARE * minSimilarity && ProductWords.namesAny(query)
				&& !Answerability.factsAsked(question).isEmpty();
		return (near || genericFact) && ProductWords.statedOfTheThing(query, question, composed.span().text());
	}

	/**
	 * The least share of the question's topic words a span from BM25's first section must
	 * name to be checked below the passage gate (ADR 0066): more than a bare
	 * {@code min-coverage}, since no heading and no vector vouches for it.
	 */
	static final double FIRST_BY_WORDS_COVERAGE = 0.5;

	/**
	 * Whether the span the documents would answer with sits under a section heading that
	 * names one of the question's topic words (ADR 0052). A short question ("can I record
	 * programmes") meets a long section's whole vector only loosely, and the best passage
	 * may fall short of {@code min-similarity}; the heading is the author's own word for
	 * what the section is about. So is a heading that names the kind of fact asked
	 * ("Phone menu options (0800 123 4567)" for "which option do I press for technical
	 * support?", ADR 0082). The span then meets every check a span above the gate meets.
	 */
	private static boolean namedByHeading(String query, ExtractiveAnswers.Composed composed) {
		return composed.span() != null && !composed.text().isBlank()
				&& (composed.span().headingNamesAny(Answerability.topicWords(query))
						|| HeadingFacts.namesKind(query, composed.span().heading()));
	}

	/**
	 * Whether the span the documents would answer with comes from the passage BM25 ranks
	 * first among the document chunks (ADR 0066): the question's own words point at that
	 * section more than at any other, though its whole vector meets a short question only
	 * loosely ("I was still charged after switching to another provider": the notice
	 * period's exception for a switch, BM25's first, 0.325 similar, under a heading that
	 * names none of its words). The span then meets every check a span above the gate
	 * meets.
	 */
	private static boolean firstByWords(String query, ExtractiveAnswers.Composed composed) {
		return composed.span() != null && !composed.text().isBlank() && composed.span().firstByWords()
				&& composed.span().covers(Answerability.topicWords(query)) >= FIRST_BY_WORDS_COVERAGE;
	}

	/**
	 * Whether an FAQ entry speaks of what a follow-up's pronoun stands for
	 * ({@link ReferredSubject}), its question or its answer naming it; always when the
	 * follow-up has no such pronoun.
	 */
	private static boolean aboutSubject(Optional<Set<String>> subject, FaqEntry entry) {
		return subject.map((words) -> ReferredSubject.speaksOf(words, entry.question() + "\n" + entry.answer()))
			.orElse(true);
	}

	/**
	 * Whether the span the documents would answer with says two of the question's
	 * adjacent words side by side, words that few passages hold at all
	 * ({@link RarePhrases}, ADR 0078). The span then meets every check a span above the
	 * gate meets.
	 */
	private boolean rarePhrase(String query, ExtractiveAnswers.Composed composed) {
		return composed.span() != null && !composed.text().isBlank()
				&& RarePhrases.sharedRarely(query, composed.span().text(), this.passagesHolding);
	}

	/**
	 * A follow-up read with the previous question matched no entry, or the entry that
	 * answered it ("and can I cancel it later?" after the plans' prices): what it asks is
	 * read from its own words, and answered when an entry other than the previous answer
	 * fits them clearly (unless the documents found for its words answer them better, by
	 * the comparison every entry meets, ADR 0019 and 0048: then their span answers), or
	 * asked which entry is meant when two fit about equally; {@code null} otherwise (the
	 * documents are tried next), and when the entry is tagged for another product than
	 * the one its words name ({@link TagSiblings}, ADR 0062 and 0065).
	 */
	private Answer followUpAlone(String question, List<Turn> history, Optional<Set<String>> subject, String language,
			double routerThreshold, Timings timings, Consumer<String> stream) {
		float[] vector = this.queries.embed(question);
		FaqRouting.Routed routed = this.languages.faq(this.routing.route(question, vector, routerThreshold), question,
				language);
		if (routed.entry().isEmpty()) {
			return null;
		}
		if (this.routing.ambiguous(question, routed)) {
			// two entries fit its words about equally: the policy asks which one is meant
			return escalate(EscalationReason.LOW_CONFIDENCE, routed.confidence(), routed, timings);
		}
		FaqEntry entry = routed.entry().get();
		// the follow-up's own words without its subject ("does it work on mobile data
		// too?") ask about nothing an entry they match alone is about
		boolean subjectless = subject.isPresent() && ReferredSubject.asSubject(question);
		if (FollowUps.repeats(FollowUps.previousAnswer(history), entry.answer())
				|| (subjectless && !aboutSubject(subject, entry))
				|| !this.faqAnswerability.judge(question, FaqAnswers.context(entry), entry.answer()).answers()
				|| this.tagSiblings.otherValue(question, entry).isPresent()) {
			return null;
		}
		if (this.languages.understood(language)) {
			// the entry its own words matched is weighed against the documents found
			// for them, as for a question that opens a conversation (ADR 0048): "I was
			// charged twice for that" after roaming got the first-bill entry
			List<Passage> alone = retrieveAlone(question, vector, language);
			Extractions extractions = new Extractions(question, question, vector, FollowUps.previousAnswer(history));
			ExtractiveAnswers.Span span = answeringSpan(extractions, question, alone);
			if (this.evidence.documentsWin(question, vector, entry, span)) {
				log.debug("Documents answer the follow-up's own words better than FAQ entry {}", entry.id());
				DocumentComposition.Composed composed = this.composition.compose(question, question, vector, history,
						alone, stream, timings, true, () -> extractions.of(alone));
				if (composed instanceof DocumentComposition.Written written) {
					return documentAnswer(written, alone, alone.get(0).similarity(), routed, timings);
				}
			}
		}
		return faqAnswer(entry, question, language, routed, timings, stream);
	}

	/**
	 * The router's best guess when it fell short of the threshold but the documents say
	 * the same ({@link Corroboration}): the guess is for customers, in the question's
	 * language, not the previous answer, covers the question's topic as a document span
	 * must, is not tagged for another product than the question names
	 * ({@link TagSiblings}), and the span the documents would answer with is what its
	 * answer says, without stating the fact asked of the thing asked where the answer
	 * does not ({@link AskedFact}, ADR 0065); {@code null} otherwise. A question that
	 * stands on its own words later in a conversation ("do you have a shop in the city
	 * centre?" after a question about discounts) is also corroborated by the documents
	 * found for it alone: the search with the conversation may have found the earlier
	 * question's topic instead.
	 */
	private FaqEntry corroborated(String query, float[] vector, List<Turn> history, boolean contextualised,
			String language, FaqRouting.Routed routed, List<Passage> passages, Extractions extractions) {
		if (!this.corroboration.enabled() || routed.bestGuess() == null || !this.languages.understood(language)) {
			return null;
		}
		FaqEntry guess = this.catalog.entry(routed.bestGuess()).orElse(null);
		if (guess == null || !this.routing.forCustomers(guess)
				|| (language != null && !language.equals(guess.language()))
				|| FollowUps.repeats(FollowUps.previousAnswer(history), guess.answer())) {
			return null;
		}
		String context = FaqAnswers.context(guess);
		Answerability.Verdict verdict = this.faqAnswerability.judge(query, extractions.own, context, guess.answer(),
				Set.of());
		if (verdict.answers()) {
			verdict = this.answerability.judge(query, extractions.own, context, guess.answer(), Set.of());
		}
		if (!verdict.answers()) {
			log.debug("Best guess {} not corroborated: {}", guess.id(), verdict.missing());
			return null;
		}
		Optional<String> sibling = this.tagSiblings.otherValue(extractions.own, guess);
		if (sibling.isPresent()) {
			// the routed entry's check (ADR 0062) holds for a guess the router did not
			// even vouch for (ADR 0065)
			log.debug("Best guess {} not corroborated: it is not tagged for {}, which the question names", guess.id(),
					sibling.get());
			return null;
		}
		// the documents vouch for a guess with the span of the best-ranked passages only:
		// the composer is offered more, for the sibling section that holds a document
		// answer, but a span from the seventh passage that repeats the guess's
		// words is a neighbouring section, not evidence for it (ADR 0081)
		ExtractiveAnswers.Span span = answeringSpan(extractions, query, vouching(passages));
		boolean says = span != null && this.corroboration.corroborates(guess.answer(), span.text());
		if (!says && !contextualised && FollowUps.customerAsked(history)) {
			span = answeringSpan(extractions, query, vouching(retrieveAlone(query, vector, language)));
			says = span != null && this.corroboration.corroborates(guess.answer(), span.text());
		}
		if (!says) {
			log.debug("Best guess {} not corroborated: {}", guess.id(),
					(span == null) ? "no document span answers" : "the span says something else: " + span.text());
			return null;
		}
		if (AskedFact.onlyInSpan(query, extractions.own, guess.answer(), span.text())) {
			// "how much is it to add a mesh pod?": the span's words are mostly the fibre
			// prices entry's, but only the span states the price of the thing asked; the
			// documents answer, or the question escalates (ADR 0065)
			log.debug("Best guess {} not corroborated: the span states the fact asked of {}, the entry does not",
					guess.id(), span.heading());
			return null;
		}
		log.debug("Best guess {} corroborated by the span under {}", guess.id(), span.heading());
		return guess;
	}

	/**
	 * The passages whose span may corroborate the router's best guess: the
	 * {@value #CORROBORATING_PASSAGES} best-ranked of {@code passages} (ADR 0081).
	 */
	static List<Passage> vouching(List<Passage> passages) {
		return (passages.size() > CORROBORATING_PASSAGES) ? passages.subList(0, CORROBORATING_PASSAGES) : passages;
	}

	/**
	 * A document answer written from {@code passages}, the best of which had
	 * {@code similarity}; an extractive one is in the best passage's language.
	 */
	private static Answer documentAnswer(DocumentComposition.Written written, List<Passage> passages, double similarity,
			FaqRouting.Routed routed, Timings timings) {
		return new Answer(Decision.ANSWERED, null, written.text(), similarity, routed.confidence(), null,
				written.answeredBy(), written.citations(), routed.ranked(), timings.done(),
				"extractive".equals(written.answeredBy()) ? passages.get(0).hit().language() : null);
	}

	/**
	 * An entry's answer, or the sentences of it that state the fact a follow-up asks
	 * again ({@link RestatedFacts}), cited as the entry.
	 */
	private static Answer restated(FaqEntry entry, String text, FaqRouting.Routed routed, Timings timings,
			Consumer<String> stream) {
		stream.accept(text);
		Citation citation = new Citation(1, entry.title(), "", "faq:" + entry.id(), "/kb/faq/" + entry.id(), text);
		return new Answer(Decision.ANSWERED, null, text, routed.confidence(), routed.confidence(), entry.id(), "faq",
				List.of(citation), routed.ranked(), timings.done(), entry.language());
	}

	/**
	 * The entry's answer to the customer's question as written: its leading "Yes." only
	 * when the question asks yes or no ({@link YesNoQuestions}), read in the question's
	 * language ("Was kostet …" asks what, also when the entry that answers is English).
	 */
	private static Answer faqAnswer(FaqEntry entry, String question, String language, FaqRouting.Routed routed,
			Timings timings, Consumer<String> stream) {
		String text = YesNoQuestions.fitted(entry.answer(), question,
				"de".equals(LanguageDetection.normalize(language)));
		return restated(entry, text, routed, timings, stream);
	}

	/**
	 * Notes a reply Hearth wrote itself, from the knowledge base or its own message
	 * bundles (an FAQ or extractive answer, with a notice in front of it or not; a notice
	 * such as a decline, a clarifying question or the place in the queue; small talk),
	 * never a language model's or a person's text: the next turn's search with the
	 * conversation then takes that reply's vector from the knowledge-base texts' cache
	 * instead of embedding it.
	 * @param text the reply as stored
	 */
	public void wroteReply(String text) {
		if (this.composeHistory && text != null && !text.isBlank()) {
			this.knowledgeTexts.answered(DocumentRetrieval.answerPiece(text));
		}
	}

	/** Sees every document span judged for an answer; for benchmarks. */
	void observeSpans(Consumer<DocumentComposition.Judged> observer) {
		this.composition.observe(observer);
	}

	/** Sees the passages every extractive composition was given; for benchmarks. */
	void observeOffered(Consumer<DocumentComposition.Offered> observer) {
		this.composition.observeOffered(observer);
	}

	/**
	 * The document span the extractive composer would answer with, if it passes the
	 * answerability check; otherwise {@code null}. Weighed against an FAQ entry, the span
	 * itself must be similar enough to the question ({@link AnswerEvidence}), not the
	 * passage it is taken from: the factory-reset section as a whole is less similar to
	 * "how do I reset my router" (0.37) than its heading and steps (0.48).
	 */
	private ExtractiveAnswers.Span answeringSpan(Extractions extractions, String query, List<Passage> passages) {
		if (passages.isEmpty()) {
			return null;
		}
		ExtractiveAnswers.Composed composed = extractions.of(passages);
		if (composed.text().isBlank() || composed.score() < ExtractiveAnswers.MIN_SCORE) {
			log.debug("No answering span: {}", composed.text().isBlank() ? "none" : "its score is too low");
			return null;
		}
		Answerability.Verdict verdict = this.answerability.judge(query, extractions.own, composed.span().context(),
				composed.span().stated(), FaqAnswers.common(passages));
		if (!verdict.answers()) {
			log.debug("The span {} does not answer: topic words covered {}", composed.span().heading(),
					String.format(Locale.ROOT, "%.2f", verdict.coverage()));
		}
		return verdict.answers() ? composed.span() : null;
	}

	/**
	 * The one retrieved passage, other than the span's, whose section is about the thing
	 * the question asks about while the entry is about something done with it
	 * ({@link ThingItself}), when its own span answers and beats the entry; {@code null}
	 * otherwise.
	 */
	private List<Passage> thingItself(Extractions extractions, String query, float[] vector, FaqEntry entry,
			ExtractiveAnswers.Span span, List<Passage> retrieved) {
		if (ThingItself.sectionIsTheThing(query, entry, span)) {
			return null;
		}
		for (Passage passage : retrieved) {
			if (passage == span.passage()
					|| !ThingItself.sectionIsTheThing(query, entry, new ExtractiveAnswers.Span(passage,
							ExtractiveAnswers.heading(passage.hit().sectionPath()), passage.hit().passage()))) {
				continue;
			}
			List<Passage> alone = List.of(passage);
			ExtractiveAnswers.Span own = answeringSpan(extractions, query, alone);
			boolean wins = own != null && this.evidence.documentsWin(query, vector, entry, own);
			log.debug("FAQ entry {} weighed against the section about the thing itself {}: documents win {}",
					entry.id(), ExtractiveAnswers.heading(passage.hit().sectionPath()), wins);
			return wins ? alone : null;
		}
		return null;
	}

	/**
	 * The question read with the customer's previous message: the vector composed from
	 * both (as the search with the history composes its vector), or, when the history's
	 * vectors are not composed, the embedding of both together.
	 */
	private float[] withPreviousQuestion(String query, float[] vector, List<Turn> history,
			DocumentRetrieval.PieceVectors pieces) {
		for (int i = history.size() - 1; i >= 0; i--) {
			Turn turn = history.get(i);
			if (turn.fromCustomer() && !turn.text().isBlank()) {
				if (pieces == null) {
					return this.queries.embed(turn.text().strip() + "\n" + query.strip());
				}
				return DocumentRetrieval
					.composed(List.of(new DocumentRetrieval.Piece(query.strip(), true, history.size()),
							new DocumentRetrieval.Piece(turn.text().strip(), true, i)), vector, pieces);
			}
		}
		return vector;
	}

	private List<Passage> retrieve(String query, float[] vector, List<Turn> history,
			DocumentRetrieval.PieceVectors pieces, String language) {
		return Observation.createNotStarted("hearth.retrieval", this.observations)
			.contextualName("retrieve passages")
			.observe(() -> traced(
					this.languages.passages(this.retrieval.retrieve(query, vector, history, pieces), language)));
	}

	private static List<Passage> traced(List<Passage> passages) {
		if (log.isTraceEnabled()) {
			for (Passage p : passages) {
				log.trace("passage {} sim {} bm25 {} vector {}", p.hit().sectionPath(),
						String.format(Locale.ROOT, "%.3f", p.similarity()), p.hit().bm25Rank(), p.hit().vectorRank());
			}
		}
		return passages;
	}

	/**
	 * The passages found for the question's own words, without the conversation: what an
	 * FAQ entry matched on the question alone is weighed against, and what a question
	 * that stands on its own later in a conversation may be answered from.
	 */
	private List<Passage> retrieveAlone(String query, float[] vector, String language) {
		return retrieve(query, vector, List.of(), null, language);
	}

	/**
	 * Where the vectors of a turn's history come from when a search with the history is
	 * composed ({@link DocumentRetrieval#composed}); {@code null} when it is embedded
	 * whole. The previous answer: kept if the conversation noted it as Hearth's own reply
	 * ({@link #wroteReply}), else embedded for this turn. An earlier customer message:
	 * the embedding stored with it on its own turn, else (a history given by a caller, or
	 * a message from before a person joined) embedded now as its turn embedded it.
	 * Nothing a customer wrote is kept beyond the turn.
	 */
	private DocumentRetrieval.PieceVectors pieceVectors(List<Turn> history,
			List<CustomerTurn.EarlierQuestion> earlier) {
		if (!this.composeHistory) {
			return null;
		}
		return (piece) -> {
			if (!piece.fromCustomer()) {
				float[] known = this.knowledgeTexts.ofAnswer(piece.text());
				return (known != null) ? known : this.queries.embed(piece.text());
			}
			for (CustomerTurn.EarlierQuestion question : earlier) {
				if (question.vector() != null && question.text().strip().equals(piece.text())) {
					return question.vector();
				}
			}
			return this.queries.of(piece.text(), history.subList(0, piece.turn())).vector();
		};
	}

	private static Answer escalate(EscalationReason reason, double confidence, FaqRouting.Routed routed,
			Timings timings) {
		return new Answer(Decision.ESCALATE, reason, "", confidence, routed.confidence(), routed.bestGuess(), null,
				List.of(), routed.ranked(), timings.done());
	}

	/**
	 * A question is not out of scope merely because nothing here matches FAQ questions
	 * yet (the FAQ was just imported and its entry matcher is still being built): it
	 * escalates as low confidence, which the policy hands on instead of declining it.
	 */
	private EscalationReason unjudged(EscalationReason reason, FaqRouting.Routed routed) {
		return (reason == EscalationReason.OUT_OF_SCOPE && routed.ranked().isEmpty() && this.router.matcherPending())
				? EscalationReason.LOW_CONFIDENCE : reason;
	}

	private static String tag(Enum<?> value) {
		return (value != null) ? value.name().toLowerCase(Locale.ROOT) : "none";
	}

	/**
	 * The documents' extractive spans of one turn ({@link DocumentComposition#extract}),
	 * each set of passages (by identity: the lists the turn retrieved) extracted when
	 * first asked for. Not thread-safe: one turn's.
	 */
	private final class Extractions {

		private final String query;

		/** The customer's own words: the kind of fact they ask is theirs. */
		private final String own;

		private final float[] vector;

		private final String previousAnswer;

		private final Map<List<Passage>, ExtractiveAnswers.Composed> extracted = new IdentityHashMap<>();

		Extractions(String query, String own, float[] vector, String previousAnswer) {
			this.query = query;
			this.own = own;
			this.vector = vector;
			this.previousAnswer = previousAnswer;
		}

		/** The span of {@code passages}, not empty. */
		ExtractiveAnswers.Composed of(List<Passage> passages) {
			return this.extracted.computeIfAbsent(passages, (p) -> AnswerPipeline.this.composition.extract(this.query,
					this.own, this.vector, this.previousAnswer, p));
		}

	}

}
