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
 * change was signalled (a safety poll: changes wake the stream at once through PostgreSQL
 * notifications)
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
	 * @param suggestions the questions offered as buttons at the start of a conversation,
	 * per language tag; a language without an entry gets the most asked FAQ questions,
	 * one with an empty list gets none
	 */
	public record Site(String key, List<String> allowedOrigins, @DefaultValue("Support") String name,
			@DefaultValue("#0b5cad") String color, String logoUrl, @DefaultValue("right") String position,
			Map<String, String> greeting, Map<String, List<String>> suggestions) {

		public Site {
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
	 * and minute
	 */
	public record RateLimit(@DefaultValue("60") int postsPerMinutePerAddress,
			@DefaultValue("20") int messagesPerMinutePerConversation,
			@DefaultValue("600") int requestsPerMinutePerAddress) {
	}

}
