package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChunkerTest {

	@Test
	void headingsBecomeTheSectionPathAndSectionsAreNeverMixed() {
		ParsedDocument document = document(TextBlock.heading(1, "Billing"), TextBlock.paragraph("Intro."),
				TextBlock.heading(2, "Refunds"), TextBlock.paragraph("Refunds take five days."),
				TextBlock.heading(3, "Card payments"), TextBlock.paragraph("Cards are refunded to the card."),
				TextBlock.heading(2, "Invoices"), TextBlock.paragraph("Invoices arrive monthly."));
		List<Chunk> chunks = new Chunker(200, 40).chunk(document);
		assertThat(chunks).extracting(Chunk::sectionPath)
			.containsExactly("Billing", "Billing > Refunds", "Billing > Refunds > Card payments", "Billing > Invoices");
		assertThat(chunks).extracting(Chunk::ordinal).containsExactly(0, 1, 2, 3);
		assertThat(chunks.get(3).text()).isEqualTo("Invoices arrive monthly.");
	}

	@Test
	void smallParagraphsShareAChunkAndLongOnesSplitBetweenSentences() {
		List<TextBlock> blocks = new ArrayList<>();
		blocks.add(TextBlock.paragraph("First short paragraph."));
		blocks.add(TextBlock.paragraph("Second short paragraph."));
		StringBuilder longParagraph = new StringBuilder();
		for (int i = 0; i < 30; i++) {
			longParagraph.append("Sentence number ").append(i).append(" says something useful. ");
		}
		blocks.add(TextBlock.paragraph(longParagraph.toString().strip()));
		List<Chunk> chunks = new Chunker(300, 60).chunk(document(blocks.toArray(TextBlock[]::new)));
		assertThat(chunks.get(0).text()).startsWith("First short paragraph.\n\nSecond short paragraph.");
		for (Chunk chunk : chunks) {
			assertThat(chunk.text().length()).isLessThanOrEqualTo(300);
			assertThat(chunk.text()).endsWith(".");
			assertThat(chunk.text()).doesNotStartWith(" ");
		}
		assertThat(chunks.size()).isGreaterThan(3);
	}

	@Test
	void aContinuingChunkStartsWithTheLastWholeSentencesOfThePreviousOne() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			text.append("This is sentence ").append(i).append(" of the paragraph. ");
		}
		List<Chunk> chunks = new Chunker(200, 80).chunk(document(TextBlock.paragraph(text.toString().strip())));
		assertThat(chunks).hasSizeGreaterThan(1);
		for (int i = 1; i < chunks.size(); i++) {
			String previous = chunks.get(i - 1).text();
			String current = chunks.get(i).text();
			String firstSentence = current.substring(0, current.indexOf('.') + 1);
			assertThat(previous).contains(firstSentence);
			assertThat(current).startsWith(previous.substring(previous.indexOf(firstSentence)));
			assertThat(current).doesNotContain("\n\n");
		}
	}

	@Test
	void aSentenceLongerThanAChunkIsCutAtSpaces() {
		String word = "word ";
		String sentence = word.repeat(100).strip() + ".";
		List<Chunk> chunks = new Chunker(120, 0).chunk(document(TextBlock.paragraph(sentence)));
		assertThat(chunks).allSatisfy((chunk) -> {
			assertThat(chunk.text().length()).isLessThanOrEqualTo(120);
			assertThat(chunk.text()).doesNotContain("wor ").doesNotStartWith("ord");
		});
		assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).isEqualTo(sentence);
	}

	@Test
	void aMarkdownFileThatIsOnlyAHeadingIsOneChunk() {
		ParsedDocument document = new DocumentParser(TestProperties.knowledge())
			.parse("# Opening hours\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "hours.md", "en");
		List<Chunk> chunks = new Chunker(200, 40).chunk(document);
		assertThat(chunks).extracting(Chunk::sectionPath, Chunk::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Opening hours", "Opening hours"));
	}

	@Test
	void rejectsImpossibleSizes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Chunker(50, 0))
			.withMessage("maxChars must be at least 100, got 50");
		assertThatIllegalArgumentException().isThrownBy(() -> new Chunker(200, 150))
			.withMessage("overlapChars must be between 0 and half of maxChars (100), got 150");
	}

	private static ParsedDocument document(TextBlock... blocks) {
		return new ParsedDocument("Doc", "text/markdown", "en", List.of(blocks));
	}

}
