package dev.hearth.kbimport;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The shared JSON mapper and null-safe readers for the server's answers. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private Json() {
	}

	/** A field as text, or {@code null} when it is missing, null, or not a scalar. */
	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	/** A field as text, or {@code fallback}. */
	static String text(JsonNode node, String field, String fallback) {
		String text = text(node, field);
		return (text != null) ? text : fallback;
	}

	static long number(JsonNode node, String field, long fallback) {
		JsonNode value = node.path(field);
		return value.isNumber() ? value.asLong() : fallback;
	}

	/** Array elements, or an empty list when the node is not an array. */
	static List<JsonNode> elements(JsonNode node) {
		List<JsonNode> list = new ArrayList<>();
		if (node != null && node.isArray()) {
			list.addAll(node.values());
		}
		return list;
	}

	/** Pretty-printed, for {@code --json} output. */
	static String pretty(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

}
