package dev.hearth.assistant.router;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the public evaluation sets of the project's shared data folder (not part of the
 * repository): {@code -Dhearth.data=...}, else the first {@code shared/data} found next
 * to the checkout or one of its parents. For the benchmarks only.
 */
final class SharedData {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A phrasing and the intent (FAQ entry) it belongs to. */
	record Labelled(String text, String label) {
	}

	private final Path root;

	private SharedData(Path root) {
		this.root = root;
	}

	/** The data folder, or empty when it cannot be found (the benchmarks then skip). */
	static Optional<SharedData> locate() {
		String configured = System.getProperty("hearth.data");
		if (configured != null && !configured.isBlank()) {
			Path path = Path.of(configured);
			return Files.isDirectory(path) ? Optional.of(new SharedData(path)) : Optional.empty();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/data");
			if (Files.isDirectory(candidate.resolve("hwu64-en"))) {
				return Optional.of(new SharedData(candidate));
			}
		}
		return Optional.empty();
	}

	Path root() {
		return this.root;
	}

	/** HWU64, {@code train} or {@code test}. */
	List<Labelled> hwu64(String split) throws IOException {
		List<Labelled> rows = new ArrayList<>();
		List<List<String>> csv = csv(this.root.resolve("hwu64-en/" + split + ".csv"));
		int label = csv.get(0).indexOf("label");
		int text = csv.get(0).indexOf("text");
		for (List<String> row : csv.subList(1, csv.size())) {
			rows.add(new Labelled(row.get(text).strip(), row.get(label)));
		}
		return rows;
	}

	/** MASSIVE 1.1, for example {@code en-US.train} or {@code de-DE.test}. */
	List<Labelled> massive(String file) throws IOException {
		return jsonl(this.root.resolve("massive-en-de/" + file + ".jsonl"), "utt", "intent");
	}

	/** xSID, for example {@code en.valid} or {@code de.test}. */
	List<Labelled> xsid(String file) throws IOException {
		return jsonl(this.root.resolve("xsid-de-en/" + file + ".jsonl"), "text", "intent");
	}

	/** The Bitext customer-support utterances. */
	List<Labelled> bitext() throws IOException {
		List<Labelled> rows = new ArrayList<>();
		List<List<String>> csv = csv(this.root.resolve("bitext-customer-support/utterances-20k.csv"));
		int text = csv.get(0).indexOf("utterance");
		int label = csv.get(0).indexOf("intent");
		for (List<String> row : csv.subList(1, csv.size())) {
			rows.add(new Labelled(row.get(text).strip(), row.get(label)));
		}
		return rows;
	}

	/** The covid FAQ questions of one language ({@code en} or {@code de}) by id. */
	Map<String, String> covidFaq(String language) throws IOException {
		Map<String, String> questions = new LinkedHashMap<>();
		List<List<String>> csv = csv(this.root.resolve("covid-faq-de-en/faq_questions_" + language + ".csv"));
		for (List<String> row : csv.subList(1, csv.size())) {
			questions.putIfAbsent(row.get(0), row.get(1).strip());
		}
		return questions;
	}

	/**
	 * The covid paraphrase pairs with an FAQ id: {@code label} is the FAQ id,
	 * {@code similar} whether the user question asks for it.
	 */
	List<Pair> covidPairs(String language) throws IOException {
		List<Pair> pairs = new ArrayList<>();
		List<List<String>> csv = csv(this.root.resolve("covid-faq-de-en/question_pairs_" + language + ".csv"));
		for (List<String> row : csv.subList(1, csv.size())) {
			if (row.size() > 3 && !row.get(3).isBlank()) {
				pairs.add(new Pair(row.get(1).strip(), row.get(3).strip(), "1".equals(row.get(2).strip())));
			}
		}
		return pairs;
	}

	record Pair(String question, String faqId, boolean similar) {
	}

	/**
	 * The covid FAQ entries' answers by id, from a checkout of deepset-ai/COVID-QA
	 * (commit fb2eb5e2) given as {@code -Dbench.covidqa=/path/to/COVID-QA}: the shared
	 * folder carries no answer texts (third-party sites' texts, see its README). Answers
	 * are matched by the question (whitespace normalised), the newer snapshot first, as
	 * the shared folder's questions were made. Empty without the property.
	 */
	Map<String, String> covidAnswers(String language, Map<String, String> faq) throws IOException {
		String checkout = System.getProperty("bench.covidqa");
		Map<String, String> answers = new LinkedHashMap<>();
		if (checkout == null || checkout.isBlank()) {
			return answers;
		}
		Map<String, String> byQuestion = new java.util.HashMap<>();
		for (String file : List.of("faq_200327.tsv", "faq_200322_16.tsv", "faq_covidbert.csv")) {
			List<List<String>> rows = csv(Path.of(checkout, "data/faqs", file), file.endsWith(".tsv") ? '\t' : ',');
			int question = rows.get(0).indexOf("question");
			int answer = rows.get(0).indexOf("answer");
			for (List<String> row : rows.subList(1, rows.size())) {
				if (row.size() > Math.max(question, answer) && !row.get(answer).isBlank()) {
					byQuestion.putIfAbsent(row.get(question).replaceAll("\\s+", " ").strip(), row.get(answer).strip());
				}
			}
		}
		faq.forEach((id, question) -> {
			String answer = byQuestion.get(question.replaceAll("\\s+", " ").strip());
			if (answer != null) {
				answers.put(id, answer);
			}
		});
		return answers;
	}

	private static List<Labelled> jsonl(Path file, String textField, String labelField) throws IOException {
		List<Labelled> rows = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				JsonNode node = JSON.readTree(line);
				rows.add(new Labelled(node.get(textField).asString().strip(), node.get(labelField).asString()));
			}
		}
		return rows;
	}

	/** RFC 4180: commas, double quotes, quoted line breaks; a leading BOM dropped. */
	static List<List<String>> csv(Path file) throws IOException {
		return csv(file, ',');
	}

	/** As {@link #csv(Path)} with another separator (a tab for TSV). */
	static List<List<String>> csv(Path file, char separator) throws IOException {
		String content = Files.readString(file, StandardCharsets.UTF_8);
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && (separator == ',' || field.length() == 0)) {
				quoted = true;
			}
			else if (c == separator) {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(field.toString());
				field.setLength(0);
				if (!(row.size() == 1 && row.get(0).isEmpty())) {
					rows.add(row);
				}
				row = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		if (field.length() > 0 || !row.isEmpty()) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}

}
