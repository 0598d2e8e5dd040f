package dev.hearth.knowledge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code hearth.knowledge.parsing}: the bounds on reading one file, so
 * that a hostile file (a ZIP bomb, a PDF with endless text) is refused with a reason
 * instead of exhausting memory or time.
 *
 * @param maxExpansionRatio the most a ZIP-based file (DOCX) may expand, as uncompressed
 * bytes per compressed byte (real DOCX files stay below 20; a bomb reaches 1,000)
 * @param maxExpandedSize the most a ZIP-based file may expand to, whatever its size
 * @param maxTextChars the most text one file may yield
 * @param timeout how long reading one file may take
 * @param threads how many files are read at once (each holds its document in memory)
 * @param queue how many more may wait for a reader; more are refused as busy
 */
@ConfigurationProperties("hearth.knowledge.parsing")
record ParsingProperties(@DefaultValue("100") int maxExpansionRatio, @DefaultValue("512MB") DataSize maxExpandedSize,
		@DefaultValue("20000000") int maxTextChars, @DefaultValue("120s") Duration timeout,
		@DefaultValue("2") int threads, @DefaultValue("32") int queue) {

	/** The defaults, for tests that build a parser by hand. */
	static ParsingProperties defaults() {
		return new ParsingProperties(100, DataSize.ofMegabytes(512), 20_000_000, Duration.ofSeconds(120), 2, 32);
	}

}
