package dev.hearth.privacy;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Masks regulated data in text shown to staff, by role: what the {@link Redactor} detects
 * is replaced unless one of the viewer's roles may see that class
 * ({@link MaskingProperties}); a payment card keeps its last four digits
 * ({@code •••• 4242}), other classes become their name in brackets ({@code [EMAIL]}).
 * Only what is shown is masked: the stored text is unchanged. Thread-safe.
 */
@Component
public class Masking {

	private final Redactor redactor;

	private final MaskingProperties properties;

	Masking(Redactor redactor, MaskingProperties properties) {
		this.redactor = redactor;
		this.properties = properties;
	}

	/**
	 * The masking for one viewer, to pass to read models that take a mask (inbox rows,
	 * search hits, summaries, exports).
	 * @param roles the viewer's role names
	 * @return a function that masks what those roles may not see; {@code null} stays
	 * {@code null}
	 */
	public UnaryOperator<String> forRoles(Collection<String> roles) {
		List<String> copy = List.copyOf(roles);
		return (text) -> mask(text, copy);
	}

	/**
	 * The masking for a signed-in caller: its roles are its {@code ROLE_*} authorities.
	 * @param viewer who will see the text
	 * @return as {@link #forRoles}
	 */
	public UnaryOperator<String> forViewer(Authentication viewer) {
		return forRoles(viewer.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.toList());
	}

	/**
	 * @param text the text to show, or {@code null}
	 * @param roles the viewer's role names
	 * @return the text with what the viewer may not see masked
	 */
	public String mask(String text, Collection<String> roles) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		Set<PiiClass> visible = EnumSet.noneOf(PiiClass.class);
		for (String role : roles) {
			visible.addAll(this.properties.visible().getOrDefault(role, Set.of()));
		}
		StringBuilder out = new StringBuilder(text.length());
		int last = 0;
		for (PiiMatch match : this.redactor.find(text)) {
			if (visible.contains(match.kind())) {
				continue;
			}
			out.append(text, last, match.start())
				.append(masked(match.kind(), text.substring(match.start(), match.end())));
			last = match.end();
		}
		return (last == 0) ? text : out.append(text.substring(last)).toString();
	}

	private static String masked(PiiClass kind, String value) {
		if (kind == PiiClass.PAYMENT_CARD) {
			String digits = value.replaceAll("\\D", "");
			return "•••• " + digits.substring(Math.max(0, digits.length() - 4));
		}
		return "[" + kind.name() + "]";
	}

}
