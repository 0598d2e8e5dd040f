package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hearth.retrieval.PassageFixtures.DIMENSIONS;
import static dev.hearth.retrieval.PassageFixtures.chunk;
import static dev.hearth.retrieval.PassageFixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentSearchTest {

	private static final int OLD_SIZE = 300;

	private static final int NEW_SIZE = 400;

	@TempDir
	Path directory;

	@Test
	void searchersSeeWholeRebuildsAndReplacementsOnly() throws Exception {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index.rebuild(generation("old", OLD_SIZE, 0).iterator(), 0, "old");
			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicInteger searches = new AtomicInteger();
			ExecutorService readers = Executors.newFixedThreadPool(2);
			try {
				List<Future<?>> results = new ArrayList<>();
				results.add(readers.submit(() -> checkRebuilds(index, writing, searches)));
				results.add(readers.submit(() -> checkReplacements(index, writing, searches)));
				for (int round = 1; round <= 12; round++) {
					boolean even = round % 2 == 0;
					index.rebuild(generation(even ? "old" : "new", even ? OLD_SIZE : NEW_SIZE, 2 * round).iterator(),
							round, even ? "old" : "new");
					index.replaceDocument("manual", manual(2 * round + 1), round);
				}
				writing.set(false);
				for (Future<?> result : results) {
					result.get();
				}
			}
			finally {
				readers.shutdownNow();
			}
			assertThat(searches.get()).isPositive();
			assertThat(index.size()).isEqualTo(OLD_SIZE + 10);
		}
	}

	private static Void checkRebuilds(PassageIndex index, AtomicBoolean writing, AtomicInteger searches)
			throws IOException {
		do {
			List<SearchHit> hits = index.searcher()
				.search(new PassageQuery("alpha", vector(7), 1000, Map.of("generation", Set.of("old", "new")),
						Fusion.RRF));
			Set<String> generations = hits.stream()
				.map((hit) -> hit.tags().get("generation").get(0))
				.collect(Collectors.toSet());
			assertThat(generations).hasSize(1);
			assertThat(hits).hasSize(generations.contains("old") ? OLD_SIZE : NEW_SIZE);
			assertThat(index.size()).isIn(OLD_SIZE + 10, NEW_SIZE + 10);
			searches.incrementAndGet();
		}
		while (writing.get());
		return null;
	}

	private static Void checkReplacements(PassageIndex index, AtomicBoolean writing, AtomicInteger searches)
			throws IOException {
		do {
			List<SearchHit> hits = index.searcher()
				.search(new PassageQuery("manual", vector(3), 50, Map.of("doc", Set.of("manual")), Fusion.RRF));
			assertThat(hits).hasSize(10);
			assertThat(hits.stream().map((hit) -> hit.tags().get("version").get(0)).distinct()).hasSize(1);
			searches.incrementAndGet();
		}
		while (writing.get());
		return null;
	}

	/**
	 * {@code size} passages of one generation, plus the manual at {@code manualVersion}.
	 */
	private static List<IndexedPassage> generation(String name, int size, int manualVersion) {
		List<IndexedPassage> passages = new ArrayList<>(manual(manualVersion));
		for (int n = 0; n < size; n++) {
			passages.add(chunk(name + "-" + n, name + "-doc-" + (n / 5), "alpha beta " + n, "en",
					Map.of("generation", List.of(name)), vector(n)));
		}
		return passages;
	}

	private static List<IndexedPassage> manual(int version) {
		List<IndexedPassage> passages = new ArrayList<>(10);
		for (int n = 0; n < 10; n++) {
			passages.add(chunk("manual-" + version + "-" + n, "manual", "manual page " + n, "en",
					Map.of("doc", List.of("manual"), "version", List.of(Integer.toString(version))), vector(100 + n)));
		}
		return passages;
	}

}
