package dev.hearth.widget;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.widget}.
 *
 * @param defaultSite the site key used when a request names none (the demo page's)
 * @param sites the sites the widget may be embedded on, one per site key
 * @param rateLimit how many widget API requests a visitor may make
 * @param eventPoll how often a live event stream re-reads its conversation although no
 * change was signalled, while the change feed's listener connection is down (changes wake
 * the stream at once through PostgreSQL notifications; while the listener is connected, a
 * notification missed is found by the replica's one sweep of every followed conversation
 * on each catch-up tick, {@code hearth.system.change-feed.catch-up}, 5 s)
 * @param eventStream how long one live event stream stays open before the widget
 * reconnects
 * @param suggestionsRefresh how long the most asked questions (the default suggested
 * questions) are reused before they are counted again
 */
@ConfigurationProperties("hearth.widget")
public record WidgetProperties(@DefaultValue("demo") String defaultSite, List<Site> sites,
		@DefaultValue RateLimit rateLimit, @DefaultValue("30s") Duration eventPoll,
		@DefaultValue("5m") Duration eventStream, @DefaultValue("5m") Duration suggestionsRefresh) {

	public WidgetProperties {
		sites = (sites != null) ? List.copyOf(sites) : List.of();
	}

	/**
	 * One site that embeds the widget.
	 *
	 * @param key the site key in the embedding script tag ({@code data-site})
	 * @param allowedOrigins origins (scheme://host[:port]) whose pages may use the
	 * widget; Hearth's own origin is always allowed
	 * @param name the company name the widget shows
	 * @param color the theme colour, {@code #rrggbb}
	 * @param logoUrl the logo shown in the widget's header (https URL or a path on
	 * Hearth)
	 * @param position {@code right} or {@code left}: the corner the launcher sits in
	 * @param greeting the first message, per language tag ({@code en}, {@code de}, ...)
	 * @param country the country of the site's customers, ISO 3166-1 alpha-2 ({@code NL},
	 * {@code DE}); optional. National IDs of that country are then recognised by generic
	 * labels too ("ID number"); a page's {@code data-country} overrides it
	 * @param suggestions the questions offered as buttons at the start of a conversation,
	 * per language tag; a language without an entry gets the most asked FAQ questions,
	 * one with an empty list gets none
	 */
	public record Site(String key, List<String> allowedOrigins, @DefaultValue("Support") String name,
			@DefaultValue("#0b5cad") String color, String logoUrl, @DefaultValue("right") String position,
			Map<String, String> greeting, Map<String, List<String>> suggestions, String country) {

		public Site {
			country = (country != null && !country.isBlank()) ? country.strip().toUpperCase(java.util.Locale.ROOT)
					: null;
			allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
			greeting = (greeting != null) ? Map.copyOf(greeting) : Map.of();
			suggestions = (suggestions != null) ? Map.copyOf(suggestions) : Map.of();
		}

	}

	/**
	 * @param postsPerMinutePerAddress POST requests (new conversations, messages,
	 * ratings) per client IP address and minute
	 * @param messagesPerMinutePerConversation POST requests per conversation and minute
	 * @param requestsPerMinutePerAddress all widget API requests per client IP address
	 * and minute (counted by each replica on its own: live polls are frequent and cheap)
	 * @param postsPerMinutePerSite POST requests per site key and minute, from all
	 * visitors of that site together
	 * @param shared whether the POST limits are counted in PostgreSQL, shared by every
	 * replica ({@code true}, the default), or by each replica on its own
	 */
	public record RateLimit(@DefaultValue("60") int postsPerMinutePerAddress,
			@DefaultValue("20") int messagesPerMinutePerConversation,
			@DefaultValue("600") int requestsPerMinutePerAddress, @DefaultValue("6000") int postsPerMinutePerSite,
			@DefaultValue("true") boolean shared) {

		public RateLimit {
			positive("posts-per-minute-per-address", postsPerMinutePerAddress);
			positive("messages-per-minute-per-conversation", messagesPerMinutePerConversation);
			positive("requests-per-minute-per-address", requestsPerMinutePerAddress);
			positive("posts-per-minute-per-site", postsPerMinutePerSite);
		}

		private static void positive(String name, int value) {
			if (value < 1) {
				throw new IllegalArgumentException(
						"hearth.widget.rate-limit." + name + " must be at least 1, got " + value);
			}
		}

	}

}
