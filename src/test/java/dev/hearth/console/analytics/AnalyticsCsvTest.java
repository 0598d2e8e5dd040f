package dev.hearth.console.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsCsvTest {

	@Test
	void quotesFieldsThatNeedIt() {
		assertThat(AnalyticsCsv.field("plain")).isEqualTo("plain");
		assertThat(AnalyticsCsv.field("a,b")).isEqualTo("\"a,b\"");
		assertThat(AnalyticsCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(AnalyticsCsv.field(null)).isEmpty();
	}

	@Test
	void defusesSpreadsheetFormulasButKeepsNegativeNumbers() {
		assertThat(AnalyticsCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(AnalyticsCsv.field("-1.5")).isEqualTo("-1.5");
	}

}
