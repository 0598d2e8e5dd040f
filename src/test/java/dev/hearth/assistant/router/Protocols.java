package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import dev.hearth.assistant.router.SharedData.Labelled;

/**
 * The splits of issue 11's FAQ protocols on the shared data, in one place, so that every
 * benchmark measuring on them ({@link FaqProtocolsBenchmark},
 * {@link OutOfScopeSignalsBenchmark}) measures on the same questions.
 */
final class Protocols {

	static final long SEED = 11;

	private Protocols() {
	}

	/**
	 * (b) Held-out intents: a quarter of the intents are unknown, half of those for
	 * validation and half for the test.
	 *
	 * @param name the set's name (also its embedding cache's)
	 * @param known the intents the matcher is trained on
	 * @param valUnknown the unknown intents of the validation questions
	 * @param intents how many intents the set has
	 */
	record HeldOut(String name, List<Labelled> train, List<Labelled> val, List<Labelled> test, List<String> known,
			List<String> valUnknown, int intents) {

		static HeldOut of(String name, List<Labelled> train, List<Labelled> val, List<Labelled> test) {
			List<String> intents = new ArrayList<>(byLabel(train).keySet());
			Collections.shuffle(intents, new Random(SEED));
			int known = (int) Math.round(intents.size() * 0.75);
			return new HeldOut(name, train, val, test, intents.subList(0, known),
					intents.subList(known, known + (intents.size() - known) / 2), intents.size());
		}

		/** The training rows of the known intents. */
		List<Labelled> knownTrain() {
			return this.train.stream().filter((r) -> this.known.contains(r.label())).toList();
		}

		/** Validation: known intents in scope, the first half of the unknown ones out. */
		List<Labelled> valQuestions() {
			return this.val.stream()
				.filter((r) -> this.known.contains(r.label()) || this.valUnknown.contains(r.label()))
				.toList();
		}

		/** Test: known intents in scope, the other half of the unknown ones out. */
		List<Labelled> testQuestions() {
			return this.test.stream().filter((r) -> !this.valUnknown.contains(r.label())).toList();
		}

		/** The entry a question should get, or {@code null} when it is out of scope. */
		String expected(Labelled row) {
			return this.known.contains(row.label()) ? row.label() : null;
		}

		/** Every text to embed: the known intents' training rows, validation and test. */
		List<String> texts() {
			List<String> texts = new ArrayList<>();
			knownTrain().forEach((r) -> texts.add(r.text()));
			this.val.forEach((r) -> texts.add(r.text()));
			this.test.forEach((r) -> texts.add(r.text()));
			return texts;
		}

	}

	/** HWU64, MASSIVE (en) and Bitext, split for protocol (b). */
	static List<HeldOut> heldOutSets(SharedData data) throws java.io.IOException {
		List<Labelled> hwuTrain = new ArrayList<>();
		List<Labelled> hwuVal = new ArrayList<>();
		byLabel(shuffled(data.hwu64("train"), SEED)).forEach((label, rows) -> {
			int val = Math.max(3, rows.size() / 10);
			hwuVal.addAll(rows.subList(0, val));
			hwuTrain.addAll(rows.subList(val, rows.size()));
		});
		List<Labelled> bitextTrain = new ArrayList<>();
		List<Labelled> bitextVal = new ArrayList<>();
		List<Labelled> bitextTest = new ArrayList<>();
		byLabel(capped(data.bitext(), 165)).forEach((label, rows) -> {
			int train = rows.size() * 60 / 100;
			int val = rows.size() * 75 / 100;
			bitextTrain.addAll(rows.subList(0, train));
			bitextVal.addAll(rows.subList(train, val));
			bitextTest.addAll(rows.subList(val, rows.size()));
		});
		return List.of(
				HeldOut.of("hwu64", hwuTrain, hwuVal, data.hwu64("test")), HeldOut.of("massive",
						capped(data.massive("en-US.train"), 80), data.massive("en-US.dev"), data.massive("en-US.test")),
				HeldOut.of("bitext", bitextTrain, bitextVal, bitextTest));
	}

	/**
	 * (c) Few real-user examples: HWU64 with {@code k} phrasings per known intent (three
	 * quarters of the intents), all of its test questions.
	 *
	 * @param known the intents the examples are of; the others' questions are out of
	 * scope
	 */
	record FewShot(int k, List<Labelled> chosen, List<Labelled> test, List<String> known) {

		String expected(Labelled row) {
			return this.known.contains(row.label()) ? row.label() : null;
		}

		List<String> texts() {
			List<String> texts = new ArrayList<>();
			this.chosen.forEach((r) -> texts.add(r.text()));
			this.test.forEach((r) -> texts.add(r.text()));
			return texts;
		}

	}

	/** HWU64 with k = 5 and k = 10. */
	static List<FewShot> fewShot(SharedData data) throws java.io.IOException {
		List<Labelled> train = data.hwu64("train");
		List<Labelled> test = data.hwu64("test");
		List<String> intents = new ArrayList<>(byLabel(train).keySet());
		Collections.shuffle(intents, new Random(SEED));
		List<String> known = intents.subList(0, (int) Math.round(intents.size() * 0.75));
		List<FewShot> sets = new ArrayList<>();
		for (int k : new int[] { 5, 10 }) {
			List<Labelled> chosen = new ArrayList<>();
			byLabel(shuffled(train, SEED + k)).forEach((label, rows) -> {
				if (known.contains(label)) {
					chosen.addAll(rows.subList(0, Math.min(k, rows.size())));
				}
			});
			sets.add(new FewShot(k, chosen, test, known));
		}
		return sets;
	}

	/** Rows by label, labels in order. */
	static Map<String, List<Labelled>> byLabel(List<Labelled> rows) {
		Map<String, List<Labelled>> byLabel = new TreeMap<>();
		for (Labelled row : rows) {
			byLabel.computeIfAbsent(row.label(), (k) -> new ArrayList<>()).add(row);
		}
		return byLabel;
	}

	static List<Labelled> shuffled(List<Labelled> rows, long seed) {
		List<Labelled> copy = new ArrayList<>(rows);
		Collections.shuffle(copy, new Random(seed));
		return copy;
	}

	/** At most {@code cap} rows per label, chosen at random (seeded), distinct texts. */
	static List<Labelled> capped(List<Labelled> rows, int cap) {
		List<Labelled> result = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		byLabel(shuffled(rows, SEED)).forEach((label, members) -> {
			int taken = 0;
			for (Labelled row : members) {
				if (taken < cap && seen.add(row.text())) {
					result.add(row);
					taken++;
				}
			}
		});
		return result;
	}

}
