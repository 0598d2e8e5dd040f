package dev.hearth.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import tools.jackson.databind.json.JsonMapper;

import dev.hearth.knowledge.FaqEntry;

/**
 * For {@link SampleAnswerBenchmark} with {@code -Dbench.faqdump=FILE}: per development
 * question, its grade, the router's FAQ candidates and which of the question's analysed
 * terms (Lucene's English or German analyzer) each candidate's question, examples and
 * answer hold, with the terms' document frequencies over the entries; one JSON object a
 * line, for studying ranking rules offline (issue 11, branch faqnb). Not thread-safe.
 */
final class FaqAnswerDump {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Analyzer> ANALYZERS = Map.of("en", new EnglishAnalyzer(), "de",
			new GermanAnalyzer());

	private final Map<String, Set<String>> terms = new LinkedHashMap<>();

	private final Map<String, Integer> df = new HashMap<>();

	private final StringBuilder out = new StringBuilder();

	FaqAnswerDump(List<FaqEntry> entries) {
		for (FaqEntry e : entries) {
			Set<String> t = new HashSet<>(analyse(key(e.language()),
					e.question() + "\n" + String.join("\n", e.examples()) + "\n" + e.answer()));
			this.terms.put(e.id(), t);
			t.forEach((w) -> this.df.merge(w, 1, Integer::sum));
		}
	}

	void add(String set, LabelledQuestion question, Answer answer, AnswerGrade grade) {
		List<String> asked = new ArrayList<>(new LinkedHashSet<>(analyse(key(answer.language()), question.question())));
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("set", set);
		row.put("q", question.question());
		row.put("history", question.history() != null && !question.history().isEmpty());
		row.put("expected", question.expected());
		row.put("grade", grade.toString());
		row.put("answeredBy", answer.answeredBy());
		row.put("faqId", answer.faqId());
		row.put("confidence", answer.confidence());
		Map<String, Integer> frequencies = new LinkedHashMap<>();
		asked.forEach((w) -> frequencies.put(w, this.df.getOrDefault(w, 0)));
		row.put("terms", frequencies);
		row.put("entries", this.terms.size());
		List<Map<String, Object>> ranked = new ArrayList<>();
		for (Answer.Candidate c : answer.ranked()) {
			Set<String> entry = this.terms.getOrDefault(c.faqId(), Set.of());
			Map<String, Object> candidate = new LinkedHashMap<>();
			candidate.put("label", c.faqId());
			candidate.put("score", c.probability());
			candidate.put("has", asked.stream().filter(entry::contains).toList());
			ranked.add(candidate);
		}
		row.put("ranked", ranked);
		this.out.append(JSON.writeValueAsString(row)).append('\n');
	}

	void write(Path file) throws IOException {
		Files.writeString(file, this.out.toString());
	}

	private static String key(String language) {
		return (language != null && language.toLowerCase(Locale.ROOT).startsWith("de")) ? "de" : "en";
	}

	private static List<String> analyse(String key, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = ANALYZERS.get(key).tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

}
