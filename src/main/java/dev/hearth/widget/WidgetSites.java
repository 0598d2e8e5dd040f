package dev.hearth.widget;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The configured widget sites by site key, checked once at start-up so a typo in the
 * configuration stops Hearth with a message that names it, not a customer later.
 * Thread-safe: immutable.
 */
@Component
public class WidgetSites {

	private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Map<String, WidgetProperties.Site> sites;

	private final String defaultSite;

	WidgetSites(WidgetProperties properties) {
		Map<String, WidgetProperties.Site> byKey = new LinkedHashMap<>();
		for (WidgetProperties.Site site : properties.sites()) {
			check(site);
			if (byKey.put(site.key(), site) != null) {
				throw new IllegalStateException("hearth.widget.sites: the site key '" + site.key()
						+ "' is configured twice; give every site its own key.");
			}
		}
		this.defaultSite = properties.defaultSite();
		byKey.computeIfAbsent(this.defaultSite, (key) -> new WidgetProperties.Site(key, java.util.List.of(), "Support",
				"#0b5cad", null, "right", Map.of(), Map.of(), null));
		this.sites = Map.copyOf(byKey);
	}

	/**
	 * The site with this key; the default site for a missing key.
	 * @throws IllegalArgumentException for an unknown key, with a message that says so
	 */
	public WidgetProperties.Site site(String key) {
		String wanted = StringUtils.hasText(key) ? key : this.defaultSite;
		WidgetProperties.Site site = this.sites.get(wanted);
		if (site == null) {
			throw new IllegalArgumentException("unknown site key '" + wanted
					+ "': use the data-site value from your Hearth administrator (hearth.widget.sites)");
		}
		return site;
	}

	/** Whether a page from {@code origin} may use the widget of {@code site}. */
	public boolean allows(WidgetProperties.Site site, String origin) {
		String normalized = normalize(origin);
		return site.allowedOrigins().stream().anyMatch((allowed) -> normalize(allowed).equals(normalized));
	}

	static String normalize(String origin) {
		String trimmed = origin.strip().toLowerCase(Locale.ROOT);
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	private static void check(WidgetProperties.Site site) {
		if (site.key() == null || !KEY.matcher(site.key()).matches()) {
			throw new IllegalStateException(
					"hearth.widget.sites: a site key must be 1 to 64 letters, digits, - or _, got '" + site.key()
							+ "'");
		}
		String where = "hearth.widget.sites[" + site.key() + "]";
		if (!COLOR.matcher(site.color()).matches()) {
			throw new IllegalStateException(where + ".color must be #rrggbb, got '" + site.color() + "'");
		}
		if (!"right".equals(site.position()) && !"left".equals(site.position())) {
			throw new IllegalStateException(where + ".position must be right or left, got '" + site.position() + "'");
		}
		for (String origin : site.allowedOrigins()) {
			URI uri;
			try {
				uri = URI.create(origin.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(where + ".allowed-origins: '" + origin + "' is not a URL", ex);
			}
			if (uri.getScheme() == null || uri.getHost() == null
					|| (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath()))) {
				throw new IllegalStateException(where + ".allowed-origins: '" + origin
						+ "' must be an origin such as https://www.example.com (scheme, host, optional port, no path)");
			}
		}
		if (site.country() != null && !site.country().matches("[A-Z]{2}")) {
			throw new IllegalStateException(where
					+ ".country must be an ISO 3166-1 alpha-2 code such as NL or DE, got '" + site.country() + "'");
		}
		if (site.logoUrl() != null && !site.logoUrl().startsWith("https://") && !site.logoUrl().startsWith("/")
				&& !site.logoUrl().startsWith("http://localhost")) {
			throw new IllegalStateException(
					where + ".logo-url must be an https URL or a path on Hearth, got '" + site.logoUrl() + "'");
		}
	}

}
