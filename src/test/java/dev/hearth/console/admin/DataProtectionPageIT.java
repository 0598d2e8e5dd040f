package dev.hearth.console.admin;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.hearth.console.ConsoleUsers;
import dev.hearth.conversation.Conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's data protection page (admins only): the key rotation's progress and a run
 * on demand, and data subject requests: export as a JSON file, erasure only when
 * confirmed, unknown customers refused with the reason.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DataProtectionPageIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Conversations conversations;

	@Test
	void onlyAdminsSeeThePage() throws Exception {
		this.mvc.perform(get("/console/admin/data-protection").with(ConsoleUsers.supervisor("sam")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/console/admin/data-protection/export").param("by", "EMAIL")
				.param("value", "a@b.de")
				.with(ConsoleUsers.supervisor("sam"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/admin/data-protection").with(ConsoleUsers.admin("ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Encryption at rest")))
			.andExpect(content().string(containsString("test-1")))
			.andExpect(content().string(containsString("conversation_message")));
		this.mvc.perform(post("/console/admin/data-protection/rotation").with(ConsoleUsers.admin("ada")).with(csrf()))
			.andExpect(flash().attributeExists("notice"));
	}

	@Test
	void anAdminExportsAndErasesACustomer() throws Exception {
		UUID id = this.conversations.start("en");
		this.conversations.addCustomerMessage(id, "I am CUST-5550001 and my yakphone is broken");

		this.mvc
			.perform(post("/console/admin/data-protection/export").param("by", "CUSTOMER_ID")
				.param("value", "CUST-5550001")
				.with(ConsoleUsers.admin("ada"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().string(containsString("my yakphone is broken")));

		this.mvc
			.perform(post("/console/admin/data-protection/erase").param("by", "CONVERSATION")
				.param("value", id.toString())
				.with(ConsoleUsers.admin("ada"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("tick the confirmation box")));
		assertThat(this.conversations.exists(id)).isTrue();

		this.mvc
			.perform(post("/console/admin/data-protection/erase").param("by", "CONVERSATION")
				.param("value", id.toString())
				.param("confirm", "true")
				.with(ConsoleUsers.admin("ada"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", containsString("Erased 1 conversations with 1 messages")));
		assertThat(this.conversations.exists(id)).isFalse();

		this.mvc
			.perform(post("/console/admin/data-protection/export").param("by", "CONVERSATION")
				.param("value", id.toString())
				.with(ConsoleUsers.admin("ada"))
				.with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Hearth holds nothing about that customer")))
			.andExpect(content().string(not(containsString("yakphone"))));
	}

}
