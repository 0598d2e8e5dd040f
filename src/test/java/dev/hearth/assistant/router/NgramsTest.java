package dev.hearth.assistant.router;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NgramsTest {

	@Test
	void normalisesCaseAccentsAndApostrophes() {
		assertThat(Ngrams.hashes("Don't  CAFÉ!", 3, 5)).isEqualTo(Ngrams.hashes("dont cafe", 3, 5));
	}

	@Test
	void aRunOnWordSharesMostNgramsWithItsWords() {
		int[] runOn = Ngrams.hashes("trackmyorder", 3, 5);
		int[] words = Ngrams.hashes("track my order", 3, 5);
		long shared = Arrays.stream(runOn).distinct().filter((h) -> Arrays.binarySearch(words, h) >= 0).count();
		assertThat(shared).isGreaterThanOrEqualTo(6);
	}

	@Test
	void hashesAreStable() {
		// part of the serialized format: changing them silently breaks stored routers
		assertThat(Ngrams.hashes("ab", 3, 3)).containsExactly(Ngrams.hashes("ab", 3, 3));
		assertThat(Ngrams.hashes("ab", 3, 3)).hasSize(3);
		assertThat(Arrays.stream(Ngrams.hashes("refund", 3, 5)).sum()).isEqualTo(STABLE_SUM);
	}

	static final int STABLE_SUM = 1967691208;

}
