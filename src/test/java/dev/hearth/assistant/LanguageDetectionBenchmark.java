package dev.hearth.assistant;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Language identification on short customer questions (issue 11 item 6): MASSIVE en-US /
 * de-DE test, xSID en / de test, covid-faq-de-en user questions and FAQ questions, from
 * {@code shared/data} (skipped without it). Prints a table per method and writes
 * {@code target/bench/language-detection.json}. Not part of {@code mvn verify}: <pre>
 * mvn -o test -pl src -am -Dtest=LanguageDetectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class LanguageDetectionBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Sample(String text, String language) {
	}

	@Test
	void shortQuestions() throws IOException {
		Optional<Path> massive = BenchData.folder("massive-en-de");
		Optional<Path> xsid = BenchData.folder("xsid-de-en");
		Optional<Path> covid = BenchData.folder("covid-faq-de-en");
		Assumptions.assumeTrue(massive.isPresent() && xsid.isPresent() && covid.isPresent(),
				"shared/data (massive-en-de, xsid-de-en, covid-faq-de-en) not found: pass -Dbench.data=/path/to/shared/data");
		Map<String, List<Sample>> sets = new LinkedHashMap<>();
		sets.put("MASSIVE en-US test", jsonl(massive.get().resolve("en-US.test.jsonl"), "utt", "en"));
		sets.put("MASSIVE de-DE test", jsonl(massive.get().resolve("de-DE.test.jsonl"), "utt", "de"));
		sets.put("xSID en test", jsonl(xsid.get().resolve("en.test.jsonl"), "text", "en"));
		sets.put("xSID de test", jsonl(xsid.get().resolve("de.test.jsonl"), "text", "de"));
		sets.put("covid-faq en questions", covid(covid.get(), "en"));
		sets.put("covid-faq de questions", covid(covid.get(), "de"));

		LanguageDetection enDe = LanguageDetection.of(List.of("en", "de"), 0.8);
		LanguageDetector all = LanguageDetectorBuilder.create(NgramExtractors.standard())
			.withProfiles(new LanguageProfileReader().readAllBuiltIn())
			.seed(11)
			.build();
		var factory = CommonTextObjectFactories.forDetectingShortCleanText();

		Map<String, Object> results = new LinkedHashMap<>();
		System.out.printf("%n| set | n | words (median) | all 71 languages | en/de | en/de, ≤ 3 words | "
				+ "context agrees (prior 0.8 / 0.9 / 0.99 / 0.999) | context disagrees (same priors) |%n");
		System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
		for (Map.Entry<String, List<Sample>> set : sets.entrySet()) {
			List<Sample> samples = set.getValue();
			int n = samples.size();
			int allRight = 0;
			int right = 0;
			int shortN = 0;
			int shortRight = 0;
			double[] priors = { 0.8, 0.9, 0.99, 0.999 };
			int[] agreeRight = new int[priors.length];
			int[] disagreeRight = new int[priors.length];
			List<Integer> words = new ArrayList<>();
			List<LanguageDetection> withPriors = new ArrayList<>();
			for (double prior : priors) {
				withPriors.add(LanguageDetection.of(List.of("en", "de"), prior));
			}
			List<String> wrong = new ArrayList<>();
			for (Sample sample : samples) {
				int w = sample.text().strip().split("\\s+").length;
				words.add(w);
				var best = all.detect(factory.forText(sample.text()));
				if (best.isPresent() && best.get().getLanguage().equals(sample.language())) {
					allRight++;
				}
				String detected = enDe.detect(sample.text());
				boolean ok = sample.language().equals(detected);
				if (ok) {
					right++;
				}
				else if (wrong.size() < 8) {
					wrong.add(sample.text() + " -> " + detected);
				}
				if (w <= 3) {
					shortN++;
					if (ok) {
						shortRight++;
					}
				}
				String other = sample.language().equals("en") ? "de" : "en";
				for (int i = 0; i < priors.length; i++) {
					if (sample.language().equals(withPriors.get(i).resolve(sample.text(), sample.language()))) {
						agreeRight[i]++;
					}
					if (sample.language().equals(withPriors.get(i).resolve(sample.text(), other))) {
						disagreeRight[i]++;
					}
				}
			}
			words.sort(Integer::compare);
			System.out.printf(Locale.ROOT,
					"| %s | %d | %d | %.3f | %.3f | %.3f (n=%d) | %.3f / %.3f / %.3f / %.3f | %.3f / %.3f / %.3f / %.3f |%n",
					set.getKey(), n, words.get(n / 2), allRight / (double) n, right / (double) n,
					shortN == 0 ? 0 : shortRight / (double) shortN, shortN, agreeRight[0] / (double) n,
					agreeRight[1] / (double) n, agreeRight[2] / (double) n, agreeRight[3] / (double) n,
					disagreeRight[0] / (double) n, disagreeRight[1] / (double) n, disagreeRight[2] / (double) n,
					disagreeRight[3] / (double) n);
			System.out.println("   wrong (en/de): " + wrong);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("n", n);
			row.put("allLanguages", allRight / (double) n);
			row.put("enDe", right / (double) n);
			row.put("enDeShort", shortN == 0 ? null : shortRight / (double) shortN);
			row.put("shortN", shortN);
			for (int i = 0; i < priors.length; i++) {
				row.put("agree" + priors[i], agreeRight[i] / (double) n);
				row.put("disagree" + priors[i], disagreeRight[i] / (double) n);
			}
			results.put(set.getKey(), row);
		}
		Path out = Path.of("target/bench/language-detection.json");
		Files.createDirectories(out.getParent());
		JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
	}

	private static List<Sample> jsonl(Path file, String field, String language) throws IOException {
		List<Sample> samples = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				samples.add(new Sample(JSON.readTree(line).get(field).asString(), language));
			}
		}
		return samples;
	}

	/** The users' questions of the question pairs, then the FAQ questions. */
	private static List<Sample> covid(Path folder, String language) throws IOException {
		List<Sample> samples = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (String[] source : new String[][] { { "question_pairs_" + language + ".csv", "question_2" },
				{ "faq_questions_" + language + ".csv", "question" } }) {
			try (Reader in = Files.newBufferedReader(folder.resolve(source[0]))) {
				for (CSVRecord row : CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(in)) {
					String text = row.get(source[1]);
					if (text != null && !text.isBlank() && seen.add(text)) {
						samples.add(new Sample(text, language));
					}
				}
			}
		}
		return samples;
	}

}
