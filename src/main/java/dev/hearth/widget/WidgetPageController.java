package dev.hearth.widget;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The widget's own page, {@code /widget/frame}: the chat that the embedding script
 * ({@code /widget/hearth.js}) shows in an iframe (see docs/adr/0004). It is themed for
 * its site key and speaks the page's language, and it sends a strict
 * Content-Security-Policy: scripts, styles and requests only from Hearth itself, and
 * framed only by the site's allowed origins. Also the demo home page of the sample
 * company at {@code /}, with the widget on it.
 */
@Controller
class WidgetPageController {

	private final WidgetSites sites;

	private final WidgetMessages messages;

	private final JsonMapper json;

	private final SuggestedQuestions suggestions;

	private final String launcherCss;

	WidgetPageController(WidgetSites sites, WidgetMessages messages, JsonMapper json, SuggestedQuestions suggestions) {
		this.sites = sites;
		this.messages = messages;
		this.json = json;
		this.suggestions = suggestions;
		this.launcherCss = LauncherStyle.read();
	}

	@GetMapping("/widget/frame")
	String frame(@RequestParam(required = false) String site, @RequestParam(required = false) String lang,
			@RequestParam(required = false) String country, Model model, HttpServletResponse response) {
		WidgetProperties.Site config = this.sites.site(site);
		Locale locale = WidgetMessages.language(lang);
		Map<String, String> texts = this.messages.all(locale);
		String greeting = config.greeting().getOrDefault(locale.getLanguage(), texts.get("greeting"));
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("site", config.key());
		settings.put("name", config.name());
		settings.put("color", config.color());
		settings.put("logo", config.logoUrl());
		settings.put("position", config.position());
		settings.put("language", locale.getLanguage());
		// the page's data-country: the customer's country, sent when the conversation
		// starts
		if (country != null && country.matches("[A-Za-z]{2}")) {
			settings.put("country", country.toUpperCase(Locale.ROOT));
		}
		settings.put("greeting", greeting);
		settings.put("suggestions", this.suggestions.forSite(config, locale));
		settings.put("texts", texts);
		model.addAttribute("settings", this.json.writeValueAsString(settings));
		model.addAttribute("language", locale.getLanguage());
		model.addAttribute("title", texts.get("title"));
		model.addAttribute("launcherLabel", texts.get("launcher.open"));
		String style = LauncherStyle.themed(this.launcherCss, config.color());
		model.addAttribute("launcherStyle", style);
		model.addAttribute("side", config.position());
		response.setHeader("Content-Security-Policy", policy(config, LauncherStyle.hash(style)));
		response.setHeader("Referrer-Policy", "no-referrer");
		// the frame holds no conversation data (that comes from the API): browsers may
		// keep it a few
		// minutes, so moving between the host site's pages does not fetch it again
		response.setHeader("Cache-Control", "private, max-age=300");
		return "widget/frame";
	}

	@GetMapping("/")
	String demo(Model model, HttpServletResponse response) {
		// the demo page's embed line carries the demo site's theme, as companies' pages
		// should
		WidgetProperties.Site demo;
		try {
			demo = this.sites.site("demo");
		}
		catch (IllegalArgumentException ex) {
			demo = this.sites.site(null);
		}
		model.addAttribute("demoColor", demo.color());
		model.addAttribute("demoPosition", demo.position());
		response.setHeader("Content-Security-Policy",
				"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
						+ "frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
		return "demo/home";
	}

	static String policy(WidgetProperties.Site site, String styleHash) {
		String images = "'self' data:";
		if (site.logoUrl() != null && site.logoUrl().contains("://")) {
			URI logo = URI.create(site.logoUrl());
			images += " " + logo.getScheme() + "://" + logo.getAuthority();
		}
		String ancestors = ("'self' " + String.join(" ", site.allowedOrigins())).strip();
		return "default-src 'none'; script-src 'self'; style-src 'self' '" + styleHash + "'; img-src " + images
				+ "; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors " + ancestors;
	}

}
