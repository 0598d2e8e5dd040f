package dev.hearth.assistant;

import dev.hearth.retrieval.SearchHit;

/**
 * A retrieved document passage and how close it is to the question.
 *
 * @param hit the search hit
 * @param similarity cosine similarity of the passage's embedding to the question's, as
 * retrieval computed it
 */
record Passage(SearchHit hit, double similarity) {

	Citation citation(int number) {
		return new Citation(number, Titles.clean(this.hit.title()), this.hit.sectionPath(), this.hit.source(),
				this.hit.citation(), this.hit.passage());
	}

}
