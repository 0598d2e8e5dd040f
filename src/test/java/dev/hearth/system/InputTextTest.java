package dev.hearth.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputTextTest {

	@Test
	void removesControlCharactersButKeepsLineBreaksAndTabs() {
		assertThat(InputText.clean("re\u0000fund\u0007\u001b[31m\tok\r\n")).isEqualTo("refund[31m\tok\r\n");
		assertThat(InputText.clean(null)).isNull();
		String clean = "Grüße, ça va? 你好 👋";
		assertThat(InputText.clean(clean)).isSameAs(clean);
	}

	@Test
	void capsRunsOfCombiningMarksButKeepsRealAccents() {
		String zalgo = "a" + "\u0301".repeat(2000) + "b";
		String cleaned = InputText.clean(zalgo);
		assertThat(cleaned).hasSize(1 + InputText.MAX_COMBINING_MARKS + 1).startsWith("a").endsWith("b");
		String vietnamese = "Tiếng Việt e\u0302\u0301 नमस्ते";
		assertThat(InputText.clean(vietnamese)).isEqualTo(vietnamese);
	}

	@Test
	void textOfInvisibleCharactersOnlyHasNoVisibleText() {
		assertThat(InputText.hasVisibleText("\u200b\u200c\u200d\ufeff\u2060 \u3164")).isFalse();
		assertThat(InputText.hasVisibleText("\u0301\u0301")).isFalse();
		assertThat(InputText.hasVisibleText("  ")).isFalse();
		assertThat(InputText.hasVisibleText(null)).isFalse();
		assertThat(InputText.hasVisibleText("\u200bok")).isTrue();
		assertThat(InputText.hasVisibleText("?")).isTrue();
		assertThat(InputText.hasVisibleText("你")).isTrue();
	}

}
