package dev.hearth.kbimport;

import tools.jackson.databind.JsonNode;

/**
 * Prints the FAQ router's status after training, and waits for a retraining to finish.
 */
final class RouterReport {

	private static final long WAIT_MILLIS = 15 * 60 * 1000;

	private RouterReport() {
	}

	static int print(JsonNode status, boolean waited, Session session) {
		String error = Json.text(status, "lastError", null);
		if (waited && error != null && !error.isEmpty() && !"null".equals(error)) {
			session.out().println("FAQ router: training failed: " + error);
			return KbImport.FAILED;
		}
		String version = Json.text(status, "liveVersion", null);
		if (version == null || "null".equals(version)) {
			session.out().println("FAQ router: none live (it needs at least two FAQ entries).");
			return 0;
		}
		session.out()
			.println("FAQ router: version " + version + " is live (" + Json.text(status, "labels", "?") + " entries, "
					+ Json.text(status, "examples", "?") + " phrasings, threshold "
					+ String.format("%.3f", status.path("threshold").asDouble()) + " from "
					+ Json.text(status, "thresholdSource", "?") + ")"
					+ (waited ? "" : "; training goes on in the server") + ".");
		return 0;
	}

	/**
	 * Waits until the live router was trained on {@code revision} or later, or training
	 * failed.
	 */
	static JsonNode awaitRevision(long revision, Session session) {
		long deadline = System.currentTimeMillis() + WAIT_MILLIS;
		JsonNode status = session.client().routerStatus();
		while (System.currentTimeMillis() < deadline) {
			boolean trained = status.path("liveKbRevision").asLong(-1) >= revision;
			boolean idle = !status.path("training").asBoolean(false);
			if (trained || (idle && status.path("labels").asInt(0) == 0 && status.path("liveVersion").isNull())) {
				return status;
			}
			String error = Json.text(status, "lastError", null);
			if (idle && error != null && !error.isEmpty() && !"null".equals(error)) {
				return status;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return status;
			}
			status = session.client().routerStatus();
		}
		return status;
	}

}
