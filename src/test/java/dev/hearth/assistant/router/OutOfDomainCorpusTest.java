package dev.hearth.assistant.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutOfDomainCorpusTest {

	@Test
	void vectorsMatchTheQuestions() {
		OutOfDomainCorpus.Corpus corpus = OutOfDomainCorpus.get();
		assertThat(corpus.questions()).hasSizeGreaterThan(1400).doesNotHaveDuplicates();
		assertThat(corpus.vectors().length).isEqualTo(corpus.questions().size());
		assertThat(corpus.dimensions()).isEqualTo(384);
		assertThat(VectorMath.dot(corpus.vectors()[0], corpus.vectors()[0])).isCloseTo(1f,
				org.assertj.core.data.Offset.offset(1e-4f));
	}

	@Test
	void evaluationQuestionsAreNotInTheCorpus() throws IOException {
		Set<String> corpus = new HashSet<>();
		OutOfDomainCorpus.get().questions().forEach((q) -> corpus.add(key(q)));
		for (String file : List.of("docs/eval/out-of-scope-dev.jsonl", "docs/eval/out-of-scope-test.jsonl")) {
			List<String> questions = RouterBenchmark.questions(Path.of(file))
				.stream()
				.map(RouterBenchmark.Question::text)
				.toList();
			assertThat(questions).hasSizeGreaterThan(290);
			assertThat(questions.stream().filter((q) -> corpus.contains(key(q)))).as(file).isEmpty();
		}
		Set<String> dev = new HashSet<>();
		RouterBenchmark.questions(Path.of("docs/eval/out-of-scope-dev.jsonl")).forEach((q) -> dev.add(key(q.text())));
		assertThat(RouterBenchmark.questions(Path.of("docs/eval/out-of-scope-test.jsonl"))
			.stream()
			.filter((q) -> dev.contains(key(q.text())))).isEmpty();
		assertThat(Files.size(Path.of("docs/eval/bitext-train.jsonl"))).isLessThan(1_500_000);
	}

	private static String key(String question) {
		return new String(Ngrams.normalize(question)).replaceAll(" +", " ").strip();
	}

}
