package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.hearth.knowledge.Vectors;

/**
 * The candidate spans of the retrieved passages and what says which one answers: every
 * window of one to {@code maxUnits} consecutive units (sentences, list items, whole
 * tables) of one passage, each with its features for {@link ExtractiveAnswers}' linear
 * score. The features: the question's topic words covered in the span and around it
 * (title, section path), plain and weighted by how rare a word is among the passages
 * offered (a word every passage has picks none of them), in the section heading alone
 * (the sub-section that names the question beats the general one), the passage's
 * similarity and ranks, the best cosine of a span unit to the question (units are
 * knowledge text: their vectors are cached), the passage's share of the previous answer's
 * words (a conversation goes on in the section it was in), whether the span holds the
 * kind of fact asked for (an amount, a time, steps), and the span's length. Thread-safe:
 * stateless.
 */
final class SpanWindows {

	/** Whether the question asks how to do something ("how do I...", "how to..."). */
	static boolean asksHowTo(String question) {
		return HOW_DO.matcher(question).find();
	}

	/** The features' names, in {@link Window#features()} order. */
	static final List<String> NAMES = List.of("coverage", "spanCoverage", "rareCoverage", "rareSpanCoverage",
			"headingCoverage", "passageSimilarity", "bm25", "vector", "unitSimilarity", "previousAnswer",
			"afterPrevious", "kind", "length", "startsBlock", "offTopicEnd", "previousDocumentSpan");

	private static final int HEADING_COVERAGE = NAMES.indexOf("headingCoverage");

	private static final Pattern HOW_MUCH = Pattern.compile(
			"\\b(how much|what does .* cost|price|fee|fees|cost|costs|kostet|kosten|preis|wie viel)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HOW_LONG = Pattern.compile(
			"\\b(how long|how soon|how quickly|how many days|when will|when do|when can|deadline|wie lange|wann)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HOW_DO = Pattern.compile(
			"\\b(how (do|can|should|would) (i|we|you)|how to|what (do|should) i do|steps?|wie kann ich)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern AMOUNT = Pattern
		.compile("[€$£]\\s?\\d|\\d\\s?(€|eur|euro|cents?|%|dollars?)|\\bfree\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern DURATION = Pattern.compile(
			"\\d|\\b(same day|next day|immediately|straight away|minutes?|hours?|days?|weeks?|months?|years?|before|after|within|until)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern STEPS = Pattern.compile(
			"^(go|click|select|choose|open|call|visit|sign|log|fill|send|enter|tap|use|contact|complete|submit|apply|"
					+ "bring|mail|ask|take|check|follow|print)\\b|\\b(you can|you must|you need to|you should|to do this|"
					+ "online at|by calling|by phone|in person)\\b",
			Pattern.CASE_INSENSITIVE);

	private SpanWindows() {
	}

	/**
	 * Added to the score of a span whose section heading names every topic word of the
	 * question (ADR 0049): the weight of the span's own coverage. Such a section is about
	 * what was asked ("3. Restart your Hub" for "how do I restart my Hub?"), where a
	 * passage the retrieval found closer may only mention it (the Hub-lights table's
	 * "restart the Hub"). A heading that names only some of the question's words is not
	 * weighed (ADR 0048 measured that: it moved answers both ways).
	 */
	static final double WHOLE_HEADING = 1.0 / 3;

	/**
	 * One candidate span.
	 *
	 * @param passage the passage it is taken from
	 * @param units the passage's units
	 * @param from its first unit
	 * @param to its last unit (inclusive)
	 * @param features its features, in {@link #NAMES} order
	 */
	record Window(Passage passage, List<ExtractiveAnswers.Unit> units, int from, int to, double[] features) {

		double score(double[] weights) {
			double score = 0;
			for (int i = 0; i < weights.length; i++) {
				score += weights[i] * this.features[i];
			}
			if (this.features[HEADING_COVERAGE] == 1) {
				score += WHOLE_HEADING;
			}
			return score;
		}

	}

	/**
	 * @param question the self-contained question
	 * @param vector its embedding, or {@code null} (then unit similarity is 0)
	 * @param passages the retrieved passages
	 * @param units each passage's units, in the same order
	 * @param maxUnits the longest span
	 * @param previousAnswer what the assistant said last, may be empty
	 * @param said whether a unit repeats the previous answer (never part of a window)
	 * @param embed the embeddings of knowledge text (cached), or {@code null}
	 */
	static List<Window> of(String question, float[] vector, List<Passage> passages,
			List<List<ExtractiveAnswers.Unit>> units, int maxUnits, String previousAnswer,
			java.util.function.Predicate<ExtractiveAnswers.Unit> said, Function<String, float[]> embed) {
		Set<String> asked = Answerability.topicWords(question);
		List<Window> windows = new ArrayList<>();
		if (asked.isEmpty()) {
			return windows;
		}
		// how rare each asked word is among the passages offered (with their titles)
		List<Set<String>> contexts = new ArrayList<>();
		for (Passage passage : passages) {
			Set<String> words = new HashSet<>(ContentWords.setOf(Titles.clean(passage.hit().title())));
			words.addAll(ContentWords.setOf(passage.hit().sectionPath()));
			words.addAll(ContentWords.setOf(passage.hit().passage()));
			contexts.add(words);
		}
		Map<String, Double> rarity = new HashMap<>();
		double totalRarity = 0;
		for (String word : asked) {
			long having = contexts.stream().filter((c) -> c.contains(word)).count();
			double r = Math.log((passages.size() + 1.0) / (having + 0.5));
			rarity.put(word, r);
			totalRarity += r;
		}
		Set<String> previous = ContentWords.setOf(previousAnswer.replaceAll("\\[\\d+]", " "));
		boolean howMuch = HOW_MUCH.matcher(question).find();
		boolean howLong = HOW_LONG.matcher(question).find();
		boolean howDo = HOW_DO.matcher(question).find();
		// the document the conversation is in: the one whose passage holds the previous
		// answer; a window there weighs more by the share of the question it says itself
		// (ADR 0092)
		int[] offsets = DocumentPosition.offsets(passages, previousAnswer);
		for (int p = 0; p < passages.size(); p++) {
			Passage passage = passages.get(p);
			List<ExtractiveAnswers.Unit> passageUnits = units.get(p);
			Set<String> around = new HashSet<>(ContentWords.setOf(Titles.clean(passage.hit().title())));
			around.addAll(ContentWords.setOf(passage.hit().sectionPath()));
			Set<String> heading = ContentWords.setOf(ExtractiveAnswers.heading(passage.hit().sectionPath()));
			double headingCoverage = share(asked, heading);
			// a heading that names the kind of fact asked ("Channel numbers" for "kids
			// channel numbers") is read with each unit of its section, an item of its
			// list: "301-349: Kids" (ADR 0082)
			String headingText = ExtractiveAnswers.heading(passage.hit().sectionPath());
			boolean headingNamesKind = HeadingFacts.namesKind(question, headingText);
			// a list of short labelled rows under a heading that names a topic word is a
			// table of two columns, the heading its header: each row is read with it
			// ("what channel is the kids stuff on": "301–349: Kids" under "Channel
			// numbers", ADR 0086)
			boolean headingNamesColumn = heading.stream().anyMatch(asked::contains);
			double previousShare = previous.isEmpty() ? 0 : share(previous, contexts.get(p));
			int bm25Rank = passage.hit().bm25Rank();
			int vectorRank = passage.hit().vectorRank();
			double[] unitSimilarity = new double[passageUnits.size()];
			// where the previous answer was in this passage: the conversation goes on
			// after it
			int previousAt = -1;
			double previousBest = 0.5;
			for (int u = 0; u < passageUnits.size() && !previous.isEmpty(); u++) {
				double inPrevious = share(passageUnits.get(u).words(), previous);
				if (inPrevious >= previousBest && passageUnits.get(u).words().size() >= 3) {
					previousBest = inPrevious;
					previousAt = u;
				}
			}
			for (int from = 0; from < passageUnits.size(); from++) {
				if (said.test(passageUnits.get(from))) {
					continue;
				}
				if (passageUnits.get(from).words().stream().noneMatch(asked::contains)) {
					continue;
				}
				Set<String> covered = new HashSet<>();
				if (headingCoverage == 1) {
					// a section whose heading names the whole question is about it:
					// its sentences need not repeat the heading's words ("3. Restart
					// your Hub": "Switch the Hub off at the wall, ...")
					covered.addAll(heading);
				}
				StringBuilder text = new StringBuilder();
				double bestUnit = 0;
				for (int to = from; to < Math.min(passageUnits.size(), from + maxUnits); to++) {
					ExtractiveAnswers.Unit unit = passageUnits.get(to);
					if (to > from && said.test(unit)) {
						break;
					}
					covered.addAll(unit.words());
					text.append(' ').append(unit.text());
					if (vector != null && embed != null) {
						if (unitSimilarity[to] == 0) {
							unitSimilarity[to] = Vectors.cosine(vector, embed.apply(unit.text()));
						}
						bestUnit = Math.max(bestUnit, unitSimilarity[to]);
					}
					Set<String> context = new HashSet<>(covered);
					context.addAll(around);
					double kind = 0;
					String spanText = text.toString();
					if (howMuch) {
						kind += AMOUNT.matcher(spanText).find() ? 1 : -1;
					}
					if (howLong) {
						kind += DURATION.matcher(spanText).find() ? 1 : -1;
					}
					if (howDo) {
						boolean steps = false;
						for (int u = from; u <= to && !steps; u++) {
							steps = STEPS.matcher(passageUnits.get(u).text()).find()
									|| (u > from && passageUnits.get(u).startsBlock());
						}
						kind += steps ? 1 : -1;
					}
					Set<String> inSpan = covered;
					if ((headingNamesKind
							|| headingNamesColumn && TableColumns.labelledRowNamed(question, headingText, unit.text()))
							&& to == from) {
						inSpan = new HashSet<>(covered);
						inSpan.addAll(heading);
					}
					// a table whose column and row the question names states the cell
					// asked: it is about the question as a heading that names it all
					// ("what upload do you get with fibre 900", ADR 0086)
					double headingFeature = (to == from && TableColumns.namesColumnAndRow(question, unit.text())) ? 1
							: headingCoverage;
					double[] features = { share(asked, context), share(asked, inSpan),
							rareShare(asked, context, rarity, totalRarity),
							rareShare(asked, inSpan, rarity, totalRarity), headingFeature, passage.similarity(),
							(bm25Rank > 0) ? 1.0 / bm25Rank : 0, (vectorRank > 0) ? 1.0 / vectorRank : 0, bestUnit,
							previousShare, (previousAt >= 0 && from > previousAt && from <= previousAt + 3) ? 1 : 0,
							kind, to - from + 1, passageUnits.get(from).startsBlock() ? 1 : 0,
							(to > from && unit.words().stream().noneMatch(asked::contains)) ? 1 : 0,
							(offsets[p] != DocumentPosition.ELSEWHERE) ? share(asked, inSpan) : 0 };
					windows.add(new Window(passage, passageUnits, from, to, features));
				}
			}
		}
		return windows;
	}

	private static double share(Set<String> wanted, Set<String> present) {
		if (wanted.isEmpty()) {
			return 0;
		}
		return (double) wanted.stream().filter(present::contains).count() / wanted.size();
	}

	private static double rareShare(Set<String> asked, Set<String> present, Map<String, Double> rarity, double total) {
		if (total <= 0) {
			return share(asked, present);
		}
		double found = 0;
		for (String word : asked) {
			if (present.contains(word)) {
				found += rarity.get(word);
			}
		}
		return found / total;
	}

}
