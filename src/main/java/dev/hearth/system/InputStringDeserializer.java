package dev.hearth.system;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads every JSON string through {@link InputText#clean}, and only JSON strings: a
 * number, boolean, object or array where text belongs (e.g. {@code {"text":123}}) is
 * refused, so the caller learns their request has the wrong shape (a 400 naming the
 * field) instead of it being quietly turned into text.
 */
final class InputStringDeserializer extends StdScalarDeserializer<String> {

	InputStringDeserializer() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.hasToken(JsonToken.VALUE_STRING)) {
			return InputText.clean(parser.getString());
		}
		return (String) context.handleUnexpectedToken(String.class, parser);
	}

}
