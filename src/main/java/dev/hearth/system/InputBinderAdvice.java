package dev.hearth.system;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Cleans every form field, query parameter and path variable bound to a {@code String}
 * with {@link InputText#clean}, as {@link InputStringDeserializer} does for JSON: a NUL
 * typed or pasted into a console form is removed instead of failing in PostgreSQL.
 */
@ControllerAdvice(basePackages = "dev.hearth")
class InputBinderAdvice {

	@InitBinder
	void cleanStrings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(InputText.clean(text));
			}

		});
	}

}
