package dev.hearth.assistant;

/**
 * Whether this replica may take questions as far as the FAQ router is concerned, and why
 * not. Plain data, decided by {@link #of}, so the rule is tested without a server.
 *
 * @param ready whether nothing here waits for a router
 * @param reason why it is not ready ({@code null} when ready)
 * @param liveVersion the router version live on this replica, or {@code null}
 * @param storedVersion the version live in PostgreSQL, or {@code null}
 * @param matcher what matches FAQ questions here: {@code router}, {@code entries} (the
 * phrasings and answers alone, ADR 0017) or {@code none}
 */
record RouterReadiness(boolean ready, String reason, Integer liveVersion, Integer storedVersion, String matcher) {

	/**
	 * Decides readiness.
	 * @param local the version live on this replica, or {@code null}
	 * @param stored the version live in PostgreSQL, or {@code null}
	 * @param unreadable a stored version this replica could not read, or -1: it is not
	 * waited for (a new one is being trained)
	 * @param firstTraining whether a training is asked for or runs here while no version
	 * is live here
	 * @param matcherPending whether the FAQ has entries but nothing here matches them yet
	 * @param entries whether the entry matcher answers here (no router live)
	 */
	static RouterReadiness of(Integer local, Integer stored, int unreadable, boolean firstTraining,
			boolean matcherPending, boolean entries) {
		String matcher = (local != null) ? "router" : entries ? "entries" : "none";
		String reason = null;
		if (stored != null && !stored.equals(local) && stored != unreadable) {
			reason = "FAQ router version " + stored + " is live but not loaded on this replica yet";
		}
		else if (firstTraining) {
			reason = "The first FAQ router is being trained";
		}
		else if (matcherPending) {
			reason = "The FAQ entries are being indexed for matching";
		}
		return new RouterReadiness(reason == null, reason, local, stored, matcher);
	}

}
