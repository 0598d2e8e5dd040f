package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

import dev.hearth.knowledge.Audiences;
import dev.hearth.knowledge.FaqEntry;
import dev.hearth.retrieval.AnalyzedTerms;

/**
 * Fits an answer to the customer's language
 * ({@code docs/adr/0012-language-detection.md}):
 * <ul>
 * <li>an FAQ entry in the customer's language is preferred to the best entry in another
 * language when it scores at least {@link #PREFERRED_SHARE} of it (a company that writes
 * the same entry in English and German answers a German question in German);</li>
 * <li>when the embedding model does not understand the question's language, its
 * similarities say little: with the bundled English model any German text resembles the
 * few German phrasings more than any English one, which sent German questions about
 * refunds, eSIMs or roaming to the German billing or fault entries. An FAQ entry then
 * answers only with <b>lexical support</b>: at least {@link #MIN_SHARED_SHARE} of the
 * question's content words (stemmed, stop words dropped, by the question language's
 * Lucene analyzer) occur in the entry's phrasings, one of them is what the entry is about
 * (a word of its question, or of more than one phrasing) or two meet in one of its texts,
 * and a German question's nouns include one the entry names (ADR 0050: "Wie kann ich
 * meinen Vertrag kündigen?" met the moving entry's details "kündigen" and "Vertrag" in
 * two phrasings); otherwise the question goes on to the documents or escalates, because a
 * wrong answer costs more than a handoff;</li>
 * <li>a passage in the customer's language is put first when it is within
 * {@link #PASSAGE_MARGIN} similarity of the best one.</li>
 * </ul>
 * Plain Java, tested without Spring. Thread-safe: Lucene analyzers reuse per-thread token
 * streams.
 */
final class LanguageFit {

	/** An entry in the customer's language wins at this share of the best's score. */
	static final double PREFERRED_SHARE = 0.8;

	/** Share of the question's content words an entry must contain without the model. */
	static final double MIN_SHARED_SHARE = 1.0 / 3;

	/** Shortest word counted as part of a compound. */
	static final int COMPOUND_PART = 5;

	/** A passage in the customer's language wins when this close to the best. */
	static final double PASSAGE_MARGIN = 0.05;

	private static final Pattern GERMAN_WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");

	private static final Pattern ANSWER_SENTENCE = Pattern.compile("(?<=[.!?;:])\\s+");

	private static final Pattern SENTENCE_MARK = Pattern.compile("[.!?:;\"“„(]");

	private final Set<String> modelLanguages;

	private final Function<String, Optional<FaqEntry>> entries;

	private final List<String> customerAudiences;

	private final double minSharedShare;

	private final Analyzer english = new EnglishAnalyzer();

	private final Analyzer german = new GermanAnalyzer();

	private final Analyzer standard = new StandardAnalyzer();

	/**
	 * @param modelLanguages languages the embedding model understands (ISO 639-1)
	 * @param entries looks an FAQ entry up by id
	 * @param customerAudiences audience tags customers may see
	 */
	LanguageFit(List<String> modelLanguages, Function<String, Optional<FaqEntry>> entries,
			List<String> customerAudiences) {
		this(modelLanguages, entries, customerAudiences, MIN_SHARED_SHARE);
	}

	/** As above, with another share of shared words (benchmarks compare them). */
	LanguageFit(List<String> modelLanguages, Function<String, Optional<FaqEntry>> entries,
			List<String> customerAudiences, double minSharedShare) {
		this.minSharedShare = minSharedShare;
		Set<String> languages = new LinkedHashSet<>();
		modelLanguages.forEach((language) -> {
			String code = LanguageDetection.normalize(language);
			if (code != null) {
				languages.add(code);
			}
		});
		this.modelLanguages = Set.copyOf(languages);
		this.entries = entries;
		this.customerAudiences = List.copyOf(customerAudiences);
	}

	/** Whether the embedding model understands the language; unknown counts as yes. */
	boolean understood(String language) {
		String code = LanguageDetection.normalize(language);
		return code == null || this.modelLanguages.contains(code);
	}

	/**
	 * The FAQ routing with the question's language taken into account: the entry that
	 * answers may change to one in the customer's language, or go (no lexical support
	 * where the model does not understand the language). Candidates and confidence stay.
	 */
	FaqRouting.Routed faq(FaqRouting.Routed routed, String question, String language) {
		String code = LanguageDetection.normalize(language);
		if (routed.entry().isEmpty() || code == null) {
			return routed;
		}
		FaqEntry chosen = routed.entry().get();
		if (!code.equals(LanguageDetection.normalize(chosen.language())) && !routed.ranked().isEmpty()) {
			double best = routed.ranked().get(0).probability();
			for (Answer.Candidate candidate : routed.ranked().subList(1, routed.ranked().size())) {
				if (candidate.probability() < PREFERRED_SHARE * best) {
					break;
				}
				Optional<FaqEntry> entry = this.entries.apply(candidate.faqId())
					.filter((e) -> code.equals(LanguageDetection.normalize(e.language())))
					.filter((e) -> Audiences.visibleTo(e.tags(), this.customerAudiences))
					.filter((e) -> understood(code) || supported(question, e, code));
				if (entry.isPresent()) {
					chosen = entry.get();
					break;
				}
			}
		}
		if (!understood(code) && !supported(question, chosen, code)) {
			return new FaqRouting.Routed(routed.ranked(), routed.confidence(), Optional.empty());
		}
		return (chosen == routed.entry().get()) ? routed
				: new FaqRouting.Routed(routed.ranked(), routed.confidence(), Optional.of(chosen));
	}

	/**
	 * Whether at least {@link #MIN_SHARED_SHARE} of the question's content words (and at
	 * least one) occur in the entry's phrasings, one of them (not one that only asks for
	 * a kind of fact, "kostet") names what the entry is about ({@link #subject}) or two
	 * of them meet in one of its texts ({@link #metTogether}), and, in a German question
	 * that names things (its nouns, {@link #germanNouns}), the entry names one of them.
	 */
	boolean supported(String question, FaqEntry entry, String language) {
		Analyzer analyzer = analyzer(language);
		Set<String> asked = terms(analyzer, question);
		if (asked.isEmpty()) {
			return false;
		}
		Set<String> known = new LinkedHashSet<>();
		Map<String, Integer> phrasingsWith = new HashMap<>();
		for (String phrasing : entry.phrasings()) {
			for (String term : terms(analyzer, phrasing)) {
				known.add(term);
				phrasingsWith.merge(term, 1, Integer::sum);
			}
		}
		long shared = asked.stream().filter((term) -> known.contains(term) || compound(term, known)).count();
		if (shared == 0 || shared < this.minSharedShare * asked.size() - 1e-9) {
			return false;
		}
		// "Was kostet das?" names what kind of fact it asks, not what about
		Set<String> topic = new LinkedHashSet<>(asked);
		topic.removeAll(terms(analyzer, Answerability.KIND_TEXT));
		Set<String> subject = subject(entry, analyzer, phrasingsWith);
		if (topic.stream().noneMatch((term) -> subject.contains(term) || compound(term, subject))
				&& !metTogether(topic, entry, analyzer)) {
			return false;
		}
		Set<String> nouns = "de".equals(language) ? terms(analyzer, String.join(" ", germanNouns(question))) : Set.of();
		return nouns.isEmpty() || nouns.stream().anyMatch((term) -> known.contains(term) || compound(term, known));
	}

	/**
	 * Whether one text of the entry, a phrasing or a sentence of its answer, holds two of
	 * the question's words (never for a question of one word): "Wie starte ich meinen
	 * Router neu?" meets the fault entry's "Starten Sie dann den Hub neu" although
	 * restarting is not what the entry is about. Words of a question met one by one in
	 * different texts of an entry are no such evidence.
	 */
	private static boolean metTogether(Set<String> asked, FaqEntry entry, Analyzer analyzer) {
		if (asked.size() < 2) {
			// one word met in one text is no more than the word's being there: "wie
			// lange dauert die Kündigung?" meets the moving entry's "kündigen" in the
			// sentence on moving where there is no fibre
			return false;
		}
		int needed = 2;
		List<String> texts = new ArrayList<>(entry.phrasings());
		texts.addAll(List.of(ANSWER_SENTENCE.split(entry.answer())));
		for (String text : texts) {
			Set<String> held = terms(analyzer, text);
			if (asked.stream().filter((term) -> held.contains(term) || compound(term, held)).count() >= needed) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The nouns of a German question: German writes every noun with a capital, so a
	 * capitalised word that does not open a sentence is one ("Rufnummer" in "Kann ich
	 * meine Rufnummer mitnehmen?"). An entry that names none of the things a German
	 * question names answers something else: "mitnehmen" alone makes the moving entry no
	 * answer about a phone number.
	 */
	static List<String> germanNouns(String question) {
		List<String> nouns = new ArrayList<>();
		Matcher words = GERMAN_WORD.matcher(question);
		int end = 0;
		boolean sentenceStart = true;
		while (words.find()) {
			sentenceStart = sentenceStart || SENTENCE_MARK.matcher(question.substring(end, words.start())).find();
			String word = words.group();
			if (!sentenceStart && Character.isUpperCase(word.charAt(0))) {
				nouns.add(word);
			}
			sentenceStart = false;
			end = words.end();
		}
		return nouns;
	}

	/**
	 * What an entry is about, as words: those of its own question (without one, of its
	 * first phrasing) and those that more than one of its phrasings use. A word in a
	 * single phrasing only is a detail of the entry ("neue adresse kein glasfaser, kann
	 * ich kündigen" in the moving entry): a question that shares only such words ("Wie
	 * kann ich meinen Vertrag kündigen?") asks about something else, which the model
	 * would tell if it understood the language.
	 */
	private static Set<String> subject(FaqEntry entry, Analyzer analyzer, Map<String, Integer> phrasingsWith) {
		Set<String> subject = new LinkedHashSet<>(terms(analyzer, entry.title()));
		phrasingsWith.forEach((term, count) -> {
			if (count > 1) {
				subject.add(term);
			}
		});
		return subject;
	}

	/**
	 * Whether the question's term is a compound of a word the entry uses, as German
	 * builds words: "Monatsrechnung" and "Rechnungsdatum" are about a "Rechnung". Only
	 * this way round: an entry's "Mahngebühr" (a reminder fee) is not about every
	 * "Gebühr" a question names. The entry's word has at least {@value #COMPOUND_PART}
	 * letters and starts or ends the term.
	 */
	private static boolean compound(String term, Set<String> known) {
		for (String word : known) {
			if (word.length() >= COMPOUND_PART && term.length() > word.length()
					&& (term.startsWith(word) || term.endsWith(word))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The passages with the best one in the customer's language first when it is within
	 * {@link #PASSAGE_MARGIN} of the best overall; otherwise unchanged.
	 */
	List<Passage> passages(List<Passage> passages, String language) {
		String code = LanguageDetection.normalize(language);
		if (code == null || passages.isEmpty()
				|| code.equals(LanguageDetection.normalize(passages.get(0).hit().language()))) {
			return passages;
		}
		double best = passages.get(0).similarity();
		for (int i = 1; i < passages.size(); i++) {
			Passage passage = passages.get(i);
			if (passage.similarity() < best - PASSAGE_MARGIN) {
				break;
			}
			if (code.equals(LanguageDetection.normalize(passage.hit().language()))) {
				List<Passage> reordered = new ArrayList<>(passages.size());
				reordered.add(passage);
				for (Passage other : passages) {
					if (other != passage) {
						reordered.add(other);
					}
				}
				return List.copyOf(reordered);
			}
		}
		return passages;
	}

	private Analyzer analyzer(String language) {
		return switch (language) {
			case "en" -> this.english;
			case "de" -> this.german;
			default -> this.standard;
		};
	}

	private static Set<String> terms(Analyzer analyzer, String text) {
		return new LinkedHashSet<>(AnalyzedTerms.of(analyzer, "text", text));
	}

}
