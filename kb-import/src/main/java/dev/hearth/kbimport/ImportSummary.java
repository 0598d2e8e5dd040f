package dev.hearth.kbimport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The end of an import on stdout: how many documents were added, updated, unchanged,
 * removed and failed, then one line per failure with its reason. Mutable; used by one
 * thread after the uploads.
 */
final class ImportSummary {

	private int added;

	private int updated;

	private int unchanged;

	private int removed;

	private int notAttempted;

	private final List<Failure> failures = new ArrayList<>();

	void count(Uploader.Outcome outcome) {
		if (outcome.failure() != null) {
			this.failures.add(outcome.failure());
			return;
		}
		switch (outcome.outcome().toUpperCase(Locale.ROOT)) {
			case "ADDED" -> this.added++;
			case "UNCHANGED" -> this.unchanged++;
			default -> this.updated++;
		}
	}

	void unchanged(long count) {
		this.unchanged += (int) count;
	}

	void removed() {
		this.removed++;
	}

	void notAttempted(int count) {
		this.notAttempted += count;
	}

	void failed(Failure failure) {
		this.failures.add(failure);
	}

	void failed(List<Failure> failures) {
		this.failures.addAll(failures);
	}

	boolean hasFailures() {
		return !this.failures.isEmpty() || this.notAttempted > 0;
	}

	void print(PrintStream out) {
		out.println("Imported: " + this.added + " added, " + this.updated + " updated, " + this.unchanged
				+ " unchanged, " + this.removed + " removed, " + this.failures.size() + " failed.");
		printFailures(out, this.failures);
		if (this.notAttempted > 0) {
			out.println("Not attempted: " + this.notAttempted + " files, because the server became unavailable.");
		}
	}

	/**
	 * For {@code --dry-run}: every file with what would happen to it, then the counts.
	 */
	static void printPlan(PrintStream out, ImportPlan plan) {
		Table table = new Table("ACTION", "SOURCE");
		List<String[]> lines = new ArrayList<>();
		plan.items()
			.forEach((item) -> lines
				.add(new String[] { item.action().name().toLowerCase(Locale.ROOT), item.file().source() }));
		plan.removals().forEach((source) -> lines.add(new String[] { "remove", source }));
		plan.failures().forEach((failure) -> lines.add(new String[] { "fail", failure.toString() }));
		lines.sort(Comparator.comparing((String[] line) -> line[1]));
		lines.forEach((line) -> table.row((Object[]) line));
		table.print(out);
		out.println("Dry run, nothing changed: " + plan.count(ImportPlan.Action.ADD) + " to add, "
				+ plan.count(ImportPlan.Action.UPDATE) + " to update, " + plan.count(ImportPlan.Action.UNCHANGED)
				+ " unchanged, " + plan.removals().size() + " to remove, " + plan.failures().size() + " would fail.");
	}

	private static void printFailures(PrintStream out, List<Failure> failures) {
		if (!failures.isEmpty()) {
			out.println("Failed:");
			failures.stream()
				.sorted(Comparator.comparing(Failure::subject))
				.forEach((failure) -> out.println("  " + failure));
		}
	}

}
