package dev.hearth.kbimport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BatchesTest {

	@Test
	void consecutiveFilesUpToTheCountKeepingEveryWorkerBusy() {
		assertThat(sizes(Batches.of(items(40, 100), 16, 1_000_000, 2))).containsExactly(16, 16, 8);
		assertThat(sizes(Batches.of(items(10, 100), 16, 1_000_000, 2))).as("ten files, two workers: two of five")
			.containsExactly(5, 5);
		assertThat(sizes(Batches.of(items(3, 100), 16, 1_000_000, 4))).containsExactly(1, 1, 1);
		assertThat(sizes(Batches.of(items(5, 100), 1, 1_000_000, 2))).containsExactly(1, 1, 1, 1, 1);
		assertThat(Batches.of(List.of(), 16, 1_000_000, 2)).isEmpty();
		List<ImportPlan.Item> items = items(40, 100);
		assertThat(Batches.of(items, 16, 1_000_000, 2).stream().flatMap(List::stream).toList())
			.as("every file once, in order")
			.isEqualTo(items);
	}

	@Test
	void aRequestStaysWithinTheBytesAndALargerFileGoesAlone() {
		List<ImportPlan.Item> items = new ArrayList<>(items(6, 400));
		items.add(2, item("big.pdf", 5_000));
		assertThat(sizes(Batches.of(items, 16, 1_000, 1))).containsExactly(2, 1, 2, 2);
	}

	@Test
	void limitsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Batches.of(items(1, 1), 0, 1, 1))
			.withMessage("maxFiles, maxBytes and parallel must be positive, got 0, 1, 1");
	}

	private static List<Integer> sizes(List<List<ImportPlan.Item>> batches) {
		return batches.stream().map(List::size).toList();
	}

	private static List<ImportPlan.Item> items(int count, long size) {
		List<ImportPlan.Item> items = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			items.add(item("docs/" + i + ".md", size));
		}
		return items;
	}

	private static ImportPlan.Item item(String source, long size) {
		return new ImportPlan.Item(new LocalFile(Path.of(source), source, size), ImportPlan.Action.ADD);
	}

}
