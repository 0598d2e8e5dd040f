package dev.hearth.kbimport;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups the files to upload into requests: consecutive files, at most {@code maxFiles}
 * and {@code maxBytes} together per request, and no more per request than keeps
 * {@code parallel} requests busy (ten files with {@code --parallel 2} go as two requests
 * of five, not one of ten). A file larger than {@code maxBytes} goes alone.
 */
final class Batches {

	private Batches() {
	}

	/**
	 * @param items the files to upload, in order
	 * @param maxFiles most files in one request; 1 sends each file on its own
	 * @param maxBytes most bytes of one request's files together
	 * @param parallel requests in flight at once
	 * @return the requests' files, in order; every item in exactly one
	 */
	static List<List<ImportPlan.Item>> of(List<ImportPlan.Item> items, int maxFiles, long maxBytes, int parallel) {
		if (maxFiles < 1 || maxBytes < 1 || parallel < 1) {
			throw new IllegalArgumentException("maxFiles, maxBytes and parallel must be positive, got " + maxFiles
					+ ", " + maxBytes + ", " + parallel);
		}
		int perRequest = Math.max(1, Math.min(maxFiles, ceilDiv(items.size(), parallel)));
		List<List<ImportPlan.Item>> batches = new ArrayList<>();
		List<ImportPlan.Item> current = new ArrayList<>();
		long bytes = 0;
		for (ImportPlan.Item item : items) {
			long size = item.file().size();
			if (!current.isEmpty() && (current.size() == perRequest || bytes + size > maxBytes)) {
				batches.add(List.copyOf(current));
				current.clear();
				bytes = 0;
			}
			current.add(item);
			bytes += size;
		}
		if (!current.isEmpty()) {
			batches.add(List.copyOf(current));
		}
		return batches;
	}

	private static int ceilDiv(int a, int b) {
		return (a + b - 1) / b;
	}

}
