package dev.hearth.assistant;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hearth.retrieval.SearchHit;

/**
 * Where a conversation is in a document: the passage the previous answer came from, and
 * how far each passage offered for the next question lies from it in the same document
 * (ADR 0092). A customer's next question is answered in the previous answer's document
 * far more often than in another one, though no more often just after its passage than
 * just before it, so span choice weighs the document ({@link SpanWindows}) and the
 * offsets serve measurement ({@code SpanReplay}). The previous answer's passage is the
 * offered passage that holds the greatest share of its content words, at least
 * {@value #MIN_SHARE}; a passage's place in its document is the chunk number of its
 * citation link ({@code …#chunk-N}). Thread-safe: stateless.
 */
final class DocumentPosition {

	/**
	 * The least share of the previous answer's content words a passage must hold to be
	 * the one it came from.
	 */
	static final double MIN_SHARE = 0.8;

	/** A passage that is not in the previous answer's document, or has no place. */
	static final int ELSEWHERE = Integer.MIN_VALUE;

	private static final Pattern CHUNK = Pattern.compile("#chunk-(\\d+)$");

	private DocumentPosition() {
	}

	/**
	 * How many chunks each passage lies after the previous answer's passage in the same
	 * document (0 for that passage itself, negative before it), or {@link #ELSEWHERE} for
	 * each when no offered passage holds the previous answer.
	 * @param passages the passages offered
	 * @param previousAnswer what the assistant said last, may be empty
	 * @return one offset per passage, in the same order
	 */
	static int[] offsets(List<Passage> passages, String previousAnswer) {
		return offsets(passages, previousAnswer, MIN_SHARE);
	}

	/**
	 * As {@link #offsets(List, String)}, with another least share (measurement tools).
	 * @param minShare the least share of the previous answer's content words its passage
	 * holds
	 */
	static int[] offsets(List<Passage> passages, String previousAnswer, double minShare) {
		int[] offsets = new int[passages.size()];
		Arrays.fill(offsets, ELSEWHERE);
		if (previousAnswer == null || previousAnswer.isBlank()) {
			return offsets;
		}
		Set<String> said = ContentWords.setOf(previousAnswer.replaceAll("\\[\\d+]", " "));
		if (said.isEmpty()) {
			return offsets;
		}
		int anchor = -1;
		double best = 0;
		for (int p = 0; p < passages.size(); p++) {
			if (chunk(passages.get(p).hit()) < 0) {
				continue;
			}
			Set<String> words = ContentWords.setOf(passages.get(p).hit().passage());
			double share = (double) said.stream().filter(words::contains).count() / said.size();
			if (share >= minShare && share > best) {
				best = share;
				anchor = p;
			}
		}
		if (anchor < 0) {
			return offsets;
		}
		SearchHit at = passages.get(anchor).hit();
		int from = chunk(at);
		for (int p = 0; p < passages.size(); p++) {
			SearchHit hit = passages.get(p).hit();
			int chunk = chunk(hit);
			if (chunk >= 0 && hit.source().equals(at.source())) {
				offsets[p] = chunk - from;
			}
		}
		return offsets;
	}

	/** The chunk number of a document passage, from its citation link, or -1. */
	static int chunk(SearchHit hit) {
		if (hit.citation() == null) {
			return -1;
		}
		Matcher m = CHUNK.matcher(hit.citation());
		return m.find() ? Integer.parseInt(m.group(1)) : -1;
	}

}
