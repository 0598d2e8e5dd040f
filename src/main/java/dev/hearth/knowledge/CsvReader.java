package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, double quotes around cells that hold commas, quotes or
 * line breaks, a quote inside written twice. Rows remember the line they start on. Not
 * thread-safe.
 */
final class CsvReader {

	/**
	 * @param line 1-based line the row starts on
	 * @param cells its cells
	 */
	record Row(int line, List<String> cells) {
	}

	private final String text;

	CsvReader(String text) {
		this.text = text.startsWith("\ufeff") ? text.substring(1) : text;
	}

	List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int rowLine = 1;
		for (int i = 0; i < this.text.length(); i++) {
			char c = this.text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < this.text.length() && this.text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < this.text.length() && this.text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				rows.add(new Row(rowLine, List.copyOf(cells)));
				cells.clear();
				line++;
				rowLine = line;
			}
			else {
				cell.append(c);
			}
		}
		if (!cell.isEmpty() || !cells.isEmpty()) {
			cells.add(cell.toString());
			rows.add(new Row(rowLine, List.copyOf(cells)));
		}
		return rows;
	}

}
