package dev.hearth.kbimport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds a URL query string with repeated parameters, each part percent-encoded. */
final class QueryString {

	private final List<String> parts = new ArrayList<>();

	QueryString add(String name, Object value) {
		if (value != null) {
			this.parts.add(encode(name) + "=" + encode(String.valueOf(value)));
		}
		return this;
	}

	QueryString addAll(String name, List<String> values) {
		values.forEach((value) -> add(name, value));
		return this;
	}

	/** {@code ?a=1&b=2}, or the empty string when there are no parameters. */
	@Override
	public String toString() {
		return this.parts.isEmpty() ? "" : "?" + String.join("&", this.parts);
	}

	/** Percent-encodes one path segment or parameter (spaces as %20, not +). */
	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
