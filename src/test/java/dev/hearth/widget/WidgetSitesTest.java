package dev.hearth.widget;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WidgetSitesTest {

	private static WidgetProperties.Site site(String key, String color, String position, String... origins) {
		return new WidgetProperties.Site(key, List.of(origins), "Shop", color, null, position, Map.of(), Map.of(),
				null);
	}

	private static WidgetSites sites(WidgetProperties.Site... sites) {
		return new WidgetSites(
				new WidgetProperties("demo", List.of(sites), new WidgetProperties.RateLimit(60, 20, 600, 6000, true),
						Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(5)));
	}

	@Test
	void theDemoSiteExistsWithoutConfigurationAndIsTheDefault() {
		WidgetSites sites = sites();
		assertThat(sites.site(null).key()).isEqualTo("demo");
		assertThat(sites.site("").key()).isEqualTo("demo");
	}

	@Test
	void originsAreComparedWithoutCaseOrTrailingSlash() {
		WidgetSites sites = sites(site("shop", "#112233", "left", "https://Shop.example.com/"));
		WidgetProperties.Site shop = sites.site("shop");
		assertThat(sites.allows(shop, "https://shop.example.com")).isTrue();
		assertThat(sites.allows(shop, "http://shop.example.com")).isFalse();
		assertThat(sites.allows(shop, "https://evil.example.com")).isFalse();
	}

	@Test
	void anUnknownSiteKeyIsRefusedWithItsName() {
		assertThatIllegalArgumentException().isThrownBy(() -> sites().site("nope"))
			.withMessage(
					"unknown site key 'nope': use the data-site value from your Hearth administrator (hearth.widget.sites)");
	}

	@Test
	void badConfigurationStopsStartWithAMessageThatNamesIt() {
		assertThatIllegalStateException().isThrownBy(() -> sites(site("shop", "blue", "right")))
			.withMessage("hearth.widget.sites[shop].color must be #rrggbb, got 'blue'");
		assertThatIllegalStateException().isThrownBy(() -> sites(site("shop", "#112233", "top")))
			.withMessage("hearth.widget.sites[shop].position must be right or left, got 'top'");
		assertThatIllegalStateException()
			.isThrownBy(() -> sites(site("shop", "#112233", "right", "https://shop.example.com/path")))
			.withMessageContaining("must be an origin such as https://www.example.com");
		assertThatIllegalStateException()
			.isThrownBy(() -> sites(site("shop", "#112233", "right"), site("shop", "#112233", "right")))
			.withMessage("hearth.widget.sites: the site key 'shop' is configured twice; give every site its own key.");
	}

	@Test
	void theFramesPolicyAllowsOnlyHearthAndTheSitesOrigins() {
		String policy = WidgetPageController
			.policy(new WidgetProperties.Site("shop", List.of("https://shop.example.com"), "Shop", "#112233",
					"https://cdn.example.com/logo.png", "right", Map.of(), Map.of(), null), "sha256-abc");
		assertThat(policy).contains("script-src 'self';")
			.contains("style-src 'self' 'sha256-abc';")
			.contains("img-src 'self' data: https://cdn.example.com;")
			.endsWith("frame-ancestors 'self' https://shop.example.com")
			.doesNotContain("unsafe");
	}

}
