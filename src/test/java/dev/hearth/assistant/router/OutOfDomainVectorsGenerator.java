package dev.hearth.assistant.router;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates {@code src/main/resources/router/out-of-domain.vectors} from
 * {@code out-of-domain.txt} with the embedding model Hearth uses. Not a test: run it
 * after editing the corpus, with
 * {@code mvn -o test -Dtest=OutOfDomainVectorsGenerator -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*OutOfDomainVectorsGenerator.*",
		disabledReason = "a generator: run it with -Dtest=OutOfDomainVectorsGenerator")
class OutOfDomainVectorsGenerator {

	@Test
	void generate() throws Exception {
		byte[] text = Files.readAllBytes(Path.of("src/main/resources", OutOfDomainCorpus.TEXT_RESOURCE));
		List<String> questions = OutOfDomainCorpus.questions(text);
		List<float[]> vectors = TestEmbeddings.embed(questions);
		Files.write(Path.of("src/main/resources", OutOfDomainCorpus.VECTORS_RESOURCE),
				OutOfDomainCorpus.encodeVectors(text, vectors));
		System.out.println("embedded " + questions.size() + " out-of-domain questions");
	}

}
