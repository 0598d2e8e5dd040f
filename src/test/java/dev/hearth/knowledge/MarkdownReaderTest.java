package dev.hearth.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReaderTest {

	private final MarkdownReader reader = new MarkdownReader();

	@Test
	void readsFrontMatterHeadingsParagraphsListsAndTables() {
		MarkdownReader.Result result = this.reader.read("""
				---
				title: "Paying your bill"
				language: en-GB
				---
				# Billing

				You can pay by **direct debit** or [card](https://example.com/card).
				This line continues the paragraph.

				## Methods
				- Direct debit
				- Card, see `Settings`

				| Method | Fee |
				|--------|-----|
				| Card   | 0   |

				Setext heading
				--------------
				```
				code   block
				```
				""");
		assertThat(result.title()).isEqualTo("Paying your bill");
		assertThat(result.language()).isEqualTo("en-GB");
		assertThat(result.blocks()).containsExactly(TextBlock.heading(1, "Billing"),
				TextBlock.paragraph("You can pay by direct debit or card. This line continues the paragraph."),
				TextBlock.heading(2, "Methods"), TextBlock.paragraph("Direct debit"),
				TextBlock.paragraph("Card, see Settings"), TextBlock.paragraph("Method | Fee"),
				TextBlock.paragraph("Card | 0"), TextBlock.heading(2, "Setext heading"),
				TextBlock.paragraph("code block"));
	}

	@Test
	void withoutFrontMatterThereIsNoTitle() {
		MarkdownReader.Result result = this.reader.read("Just text with snake_case_names kept.");
		assertThat(result.title()).isNull();
		assertThat(result.blocks()).containsExactly(TextBlock.paragraph("Just text with snake_case_names kept."));
	}

}
