package dev.hearth.kbimport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private final PrintStream err = new PrintStream(this.buffer, true, StandardCharsets.UTF_8);

	private final AtomicLong clock = new AtomicLong();

	@Test
	void withoutATerminalPrintsAPlainLineEveryTenPercent() {
		ProgressBar progress = new ProgressBar(this.err, false, 80, 20, this.clock::get, 0);
		for (int i = 0; i < 20; i++) {
			progress.started("docs/" + i + ".md");
			progress.finished(i == 3);
		}
		progress.close();
		String[] lines = output().split("\n");
		assertThat(lines).hasSize(10);
		assertThat(lines[0]).isEqualTo("kb-import: 10% (2/20 files, 0 failed)");
		assertThat(lines[9]).isEqualTo("kb-import: 100% (20/20 files, 1 failed)");
	}

	@Test
	void staysQuietDuringTheFirstSecond() {
		ProgressBar progress = new ProgressBar(this.err, false, 80, 2, this.clock::get, 1000);
		progress.started("a");
		progress.finished(false);
		progress.started("b");
		progress.finished(false);
		progress.close();
		assertThat(output()).isEmpty();
	}

	@Test
	void onATerminalRedrawsOneLineAndClearsItAtTheEnd() {
		ProgressBar progress = new ProgressBar(this.err, true, 72, 4, this.clock::get, 0);
		progress.started("docs/a-very-long-folder-name/with/a-long-file-name.md");
		this.clock.addAndGet(50);
		progress.finished(false); // within 100 ms of the last redraw: not drawn
		this.clock.addAndGet(100);
		progress.finished(true);
		String line = progress.line();
		assertThat(line).startsWith("[############------------] 2/4 files, 1 failed  …");
		assertThat(line).endsWith("a-long-file-name.md").hasSize(71);
		progress.close();
		assertThat(output().split("\r")).hasSize(4)
			.anyMatch((draw) -> draw.startsWith("[------------------------] 0/4 files  …"))
			.anyMatch((draw) -> draw.startsWith("[############------------] 2/4 files, 1 failed"))
			.noneMatch((draw) -> draw.startsWith("[######------------------] 1/4"));
		assertThat(output()).endsWith("\r\u001b[K").doesNotContain("\n");
	}

	private String output() {
		return this.buffer.toString(StandardCharsets.UTF_8);
	}

}
