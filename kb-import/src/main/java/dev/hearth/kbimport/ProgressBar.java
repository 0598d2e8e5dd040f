package dev.hearth.kbimport;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows upload progress on stderr. On a terminal: one line redrawn in place with a bar,
 * done/total files, failures and the current file. Otherwise (a log, a pipe): a plain
 * line at every 10%. Nothing is shown during the first second, so quick imports stay
 * quiet. Thread-safe: workers report concurrently.
 */
final class ProgressBar implements AutoCloseable {

	private static final int BAR_WIDTH = 24;

	private static final long REDRAW_MILLIS = 100;

	private final PrintStream err;

	private final boolean interactive;

	private final int columns;

	private final int total;

	private final LongSupplier clock;

	private final long quietMillis;

	private final long start;

	private int done;

	private int failed;

	private String current = "";

	private int lastDecile;

	private long lastDraw;

	private boolean drawn;

	/**
	 * @param err where to draw
	 * @param interactive whether {@code err} is a terminal
	 * @param columns the terminal's width
	 * @param total how many files will be reported
	 * @param clock milliseconds, for tests
	 * @param quietMillis how long to show nothing
	 */
	ProgressBar(PrintStream err, boolean interactive, int columns, int total, LongSupplier clock, long quietMillis) {
		this.err = err;
		this.interactive = interactive;
		this.columns = columns;
		this.total = total;
		this.clock = clock;
		this.quietMillis = quietMillis;
		this.start = clock.getAsLong();
	}

	static ProgressBar forEnvironment(PrintStream err, Environment environment, int total) {
		return new ProgressBar(err, environment.interactive(), environment.columns(), total, System::currentTimeMillis,
				1000);
	}

	synchronized void started(String source) {
		this.current = TerminalText.escape(source);
		redraw(false);
	}

	synchronized void finished(boolean failure) {
		this.done++;
		if (failure) {
			this.failed++;
		}
		redraw(this.done == this.total);
	}

	private void redraw(boolean force) {
		long now = this.clock.getAsLong();
		if (this.total == 0 || now - this.start < this.quietMillis) {
			return;
		}
		if (this.interactive) {
			if (force || !this.drawn || now - this.lastDraw >= REDRAW_MILLIS) {
				this.err.print("\r" + line() + "\u001b[K");
				this.err.flush();
				this.lastDraw = now;
				this.drawn = true;
			}
		}
		else {
			int decile = this.done * 10 / this.total;
			if (decile > this.lastDecile) {
				this.lastDecile = decile;
				this.err.println(String.format(Locale.ROOT, "kb-import: %d%% (%d/%d files, %d failed)",
						this.done * 100 / this.total, this.done, this.total, this.failed));
			}
		}
	}

	/** The interactive line, cut to the terminal's width. */
	String line() {
		int filled = this.done * BAR_WIDTH / Math.max(1, this.total);
		String bar = "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
		String counts = " " + this.done + "/" + this.total + " files"
				+ ((this.failed > 0) ? ", " + this.failed + " failed" : "");
		String head = bar + counts + "  ";
		int room = this.columns - 1 - head.length();
		String file = this.current;
		if (room < 8) {
			return (bar + counts).substring(0, Math.min(bar.length() + counts.length(), this.columns - 1));
		}
		if (file.length() > room) {
			file = "…" + file.substring(file.length() - room + 1);
		}
		return head + file;
	}

	/** Clears the redrawn line so the summary starts on a clean line. */
	@Override
	public synchronized void close() {
		if (this.drawn) {
			this.err.print("\r\u001b[K");
			this.err.flush();
		}
	}

}
