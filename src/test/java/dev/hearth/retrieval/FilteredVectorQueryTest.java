package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.lucene.search.Query;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hearth.retrieval.PassageFixtures.DIMENSIONS;
import static dev.hearth.retrieval.PassageFixtures.chunk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A selective filter's passages are searched exactly (issue 14): the vector retriever
 * then returns the exact nearest passages within the filter.
 */
class FilteredVectorQueryTest {

	@TempDir
	Path directory;

	@Test
	void aSegmentIsSearchedExactlyOnlyWhenTheFilterIsRareAndSmall() {
		FilteredVectorQuery query = new FilteredVectorQuery(new float[] { 1, 0 }, 50, null);
		assertThat(query.searchExactly(9_781, 1_000_000)).isTrue();
		assertThat(query.searchExactly(20_000, 1_000_000)).isTrue();
		assertThat(query.searchExactly(20_001, 1_000_000)).as("too many to score one by one").isFalse();
		assertThat(query.searchExactly(49_693, 1_000_000)).isFalse();
		assertThat(query.searchExactly(5_000, 100_000)).isTrue();
		assertThat(query.searchExactly(10_001, 100_000)).as("a walk finds them soon enough").isFalse();
	}

	@Test
	void aSelectiveFilterFindsTheExactNearestPassagesWithinIt() throws IOException {
		int passages = 4_000;
		List<IndexedPassage> all = new ArrayList<>();
		for (int p = 0; p < passages; p++) {
			String audience = (p % 25 == 0) ? "partner" : "customer";
			all.add(chunk("p" + p, "d" + p, "passage " + p, "en", Map.of("audience", List.of(audience)),
					PassageFixtures.vector(p)));
		}
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.rebuild(all.iterator(), 1, "");
			Query filter = PassageSchema.filter(Map.of("audience", Set.of("partner")));
			for (int q = 0; q < 20; q++) {
				float[] target = Vectors.normalisedCopy(PassageFixtures.vector(100_000L + q), DIMENSIONS);
				List<String> exact = IntStream.range(0, passages)
					.filter((p) -> p % 25 == 0)
					.boxed()
					.sorted(Comparator.comparingDouble((Integer p) -> -VectorUtil.dotProduct(target,
							Vectors.normalisedCopy(PassageFixtures.vector(p), DIMENSIONS))))
					.limit(10)
					.map((p) -> "p" + p)
					.toList();
				List<Candidate> found = index.searcher()
					.withSearcher((searcher) -> VectorRetriever.retrieve(searcher, target, filter, 10));
				boolean selective = index.searcher()
					.<Boolean>withSearcher((searcher) -> VectorRetriever.selective(searcher, filter));
				assertThat(selective).isTrue();
				assertThat(found).extracting(Candidate::id).as("query %d", q).containsExactlyElementsOf(exact);
			}
		}
	}

}
