package dev.hearth.kbimport;

import java.util.List;

/**
 * What an import will do, decided before anything is sent: per file add, update or leave
 * unchanged; files that cannot be imported; documents to remove with {@code --prune}.
 *
 * @param items one per importable file, sorted by source
 * @param failures files that cannot be imported (too large, unreadable)
 * @param removals sources of documents to delete, sorted
 */
record ImportPlan(List<Item> items, List<Failure> failures, List<String> removals) {

	enum Action {

		ADD, UPDATE, UNCHANGED

	}

	/**
	 * @param file the file
	 * @param action what to do with it
	 */
	record Item(LocalFile file, Action action) {
	}

	ImportPlan {
		items = List.copyOf(items);
		failures = List.copyOf(failures);
		removals = List.copyOf(removals);
	}

	/** The items to upload: added or updated. */
	List<Item> uploads() {
		return this.items.stream().filter((item) -> item.action() != Action.UNCHANGED).toList();
	}

	long count(Action action) {
		return this.items.stream().filter((item) -> item.action() == action).count();
	}

}
