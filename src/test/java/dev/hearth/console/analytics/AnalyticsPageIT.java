package dev.hearth.console.analytics;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.hearth.console.ConsoleUsers;
import dev.hearth.identity.HearthRole;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The analytics page and its CSV through the real security chain. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AnalyticsPageIT {

	@Autowired
	MockMvc mvc;

	@Test
	void onlySupervisorsAndAdminsSeeAnalytics() throws Exception {
		this.mvc.perform(get("/console/analytics").with(ConsoleUsers.agent("carla"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/console/analytics/daily.csv").with(ConsoleUsers.agent("carla")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/analytics").with(ConsoleUsers.keycloak("kim", HearthRole.SUPERVISOR)))
			.andExpect(status().isOk());
	}

	@Test
	void thePageHasEveryChartAndItsDataForTheScript() throws Exception {
		this.mvc
			.perform(get("/console/analytics").param("from", "2026-11-01")
				.param("to", "2026-11-03")
				.with(ConsoleUsers.supervisor("sam")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"chart-conversations\""),
					containsString("id=\"chart-deflection\""), containsString("id=\"chart-escalations\""),
					containsString("id=\"chart-waits\""), containsString("id=\"chart-csat\""),
					containsString("id=\"chart-thumbs\""), containsString("id=\"chart-latency\""),
					containsString("\"days\":[\"2026-11-01\",\"2026-11-02\",\"2026-11-03\"]"),
					containsString("/console/vendor/chart.umd.min.js"), containsString("/console/analytics.js"),
					containsString("id=\"knowledge-gaps\""))));
	}

	@Test
	void aWrongRangeIsExplainedOnThePage() throws Exception {
		this.mvc
			.perform(get("/console/analytics").param("from", "2026-11-05")
				.param("to", "2026-11-01")
				.with(ConsoleUsers.supervisor("sam")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("from (2026-11-05) must not be after to (2026-11-01)")));
		this.mvc.perform(get("/console/analytics/daily.csv").param("from", "nope").with(ConsoleUsers.admin("ada")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void exportsCsv() throws Exception {
		this.mvc
			.perform(get("/console/analytics/daily.csv").param("from", "2026-11-01")
				.param("to", "2026-11-02")
				.with(ConsoleUsers.admin("ada")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("hearth-daily-2026-11-01-2026-11-02.csv")))
			.andExpect(content().string(startsWith(AnalyticsCsv.DAILY_HEADER + "\r\n2026-11-01,")));
		this.mvc
			.perform(get("/console/analytics/escalations.csv").param("from", "2026-11-01")
				.param("to", "2026-11-02")
				.with(ConsoleUsers.admin("ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("rule,handoffs\r\n")));
	}

}
