package dev.hearth.kbimport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table with aligned columns separated by two spaces; the last column is not
 * padded, so lines have no trailing spaces.
 */
final class Table {

	private final List<String[]> rows = new ArrayList<>();

	private final boolean[] rightAligned;

	private final boolean header;

	/** A table whose first line shows {@code headers}. */
	Table(String... headers) {
		this(true, headers);
	}

	private Table(boolean header, String[] headers) {
		this.header = header;
		this.rightAligned = new boolean[headers.length];
		if (header) {
			this.rows.add(headers);
		}
	}

	/** A table without a header line: label/value pairs and the like. */
	static Table withoutHeader(int columns) {
		return new Table(false, new String[columns]);
	}

	/** Aligns a column to the right (for numbers). */
	Table alignRight(int column) {
		this.rightAligned[column] = true;
		return this;
	}

	Table row(Object... cells) {
		String[] row = new String[this.rightAligned.length];
		for (int i = 0; i < row.length; i++) {
			row[i] = (i < cells.length && cells[i] != null) ? String.valueOf(cells[i]) : "";
		}
		this.rows.add(row);
		return this;
	}

	void print(PrintStream out) {
		int[] widths = new int[this.rightAligned.length];
		for (String[] row : this.rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : this.rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				boolean last = i == row.length - 1;
				String padding = " ".repeat(widths[i] - row[i].length());
				if (i > 0) {
					line.append("  ");
				}
				if (this.rightAligned[i]) {
					line.append(padding).append(row[i]);
				}
				else {
					line.append(row[i]).append(last ? "" : padding);
				}
			}
			out.println(line.toString().stripTrailing());
		}
	}

}
