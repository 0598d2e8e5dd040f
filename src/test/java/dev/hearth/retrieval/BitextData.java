package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The Bitext customer-support utterances (flags, utterance, category, intent) and a
 * seeded split into FAQ phrasings, development queries and test queries. For the
 * benchmark only.
 */
final class BitextData {

	private BitextData() {
	}

	record Utterance(String text, String category, String intent) {

	}

	/**
	 * Indexes into the utterance list: per intent, the first {@code dev} shuffled
	 * utterances are development queries, the next {@code test} are test queries, the
	 * rest FAQ phrasings (in shuffled order).
	 */
	record Split(Map<String, List<Integer>> faqByIntent, List<Integer> dev, List<Integer> test) {

	}

	static List<Utterance> load(Path csv) throws IOException {
		String content = Files.readString(csv, StandardCharsets.UTF_8);
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		List<List<String>> rows = parse(content);
		if (rows.isEmpty() || !rows.get(0).equals(List.of("flags", "utterance", "category", "intent"))) {
			throw new IOException(csv + " does not start with the header flags,utterance,category,intent");
		}
		List<Utterance> utterances = new ArrayList<>(rows.size());
		for (List<String> row : rows.subList(1, rows.size())) {
			if (row.size() == 4 && !row.get(1).isBlank()) {
				utterances.add(new Utterance(row.get(1).strip(), row.get(2), row.get(3)));
			}
		}
		return utterances;
	}

	static Split split(List<Utterance> utterances, long seed, int cap) {
		Map<String, List<Integer>> byIntent = new TreeMap<>();
		for (int i = 0; i < utterances.size(); i++) {
			byIntent.computeIfAbsent(utterances.get(i).intent(), (intent) -> new ArrayList<>()).add(i);
		}
		Random random = new Random(seed);
		Map<String, List<Integer>> faq = new TreeMap<>();
		List<Integer> dev = new ArrayList<>();
		List<Integer> test = new ArrayList<>();
		byIntent.forEach((intent, indexes) -> {
			List<Integer> shuffled = new ArrayList<>(indexes);
			Collections.shuffle(shuffled, random);
			int heldOut = Math.min(cap, shuffled.size() / 5);
			dev.addAll(shuffled.subList(0, heldOut));
			test.addAll(shuffled.subList(heldOut, 2 * heldOut));
			faq.put(intent, List.copyOf(shuffled.subList(2 * heldOut, shuffled.size())));
		});
		return new Split(faq, dev, test);
	}

	/** RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes. */
	private static List<List<String>> parse(String content) {
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
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
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
