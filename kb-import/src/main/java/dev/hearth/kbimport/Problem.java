package dev.hearth.kbimport;

import tools.jackson.databind.JsonNode;

/**
 * An error answer (RFC 9457 problem details) reduced to what the user is shown.
 *
 * @param status the HTTP status
 * @param detail the problem's {@code detail}, else its {@code title}, else the status
 * @param reason the problem's {@code reason} property, or {@code null}
 */
record Problem(int status, String detail, String reason) {

	static Problem from(int status, JsonNode body) {
		String detail = null;
		String reason = null;
		if (body != null && body.isObject()) {
			detail = Json.text(body, "detail");
			if (detail == null) {
				detail = Json.text(body, "title");
			}
			reason = Json.text(body, "reason");
		}
		if (detail == null) {
			detail = "the server answered HTTP " + status + " without details";
		}
		return new Problem(status, detail, reason);
	}

}
