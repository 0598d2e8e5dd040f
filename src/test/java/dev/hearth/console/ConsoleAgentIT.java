package dev.hearth.console;

import dev.hearth.testing.Tables;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.hearth.conversation.ConversationState;
import dev.hearth.conversation.Conversations;
import dev.hearth.conversation.MessageRole;
import dev.hearth.conversation.Handoffs;
import dev.hearth.escalation.EscalationDecision;
import dev.hearth.escalation.HandoffMode;
import dev.hearth.escalation.HandoffSummary;
import dev.hearth.identity.HearthRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An agent's day in the console over MockMvc and the real database: the inbox with its
 * filters, claim, reply, notes the customer never sees, resolve, training example,
 * search; and who may do what (another agent's conversation, supervisor-only actions).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConsoleAgentIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	dev.hearth.escalation.TrainingExamples examples;

	@Autowired
	Conversations conversations;

	@Autowired
	Handoffs handoffs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InboxEvents inboxEvents;

	UUID id;

	@BeforeEach
	void escalation() {
		Tables.truncate(this.jdbc, "conversation, training_example, canned_response, keycloak_agent cascade");
		for (String agent : new String[] { "alice", "bob" }) {
			this.jdbc.sql("""
					insert into local_account (username, password_hash, first_name, last_name, role)
					values (?, 'x', initcap(?), 'Tester', 'AGENT') on conflict (username) do nothing
					""").param(agent).param(agent).update();
		}
		this.id = this.conversations.start("en");
		this.conversations.addCustomerMessage(this.id, "My router blinks red since the thunderstorm");
		this.handoffs.handOff(this.id,
				new EscalationDecision("customer-asked-for-person", "the customer asked for a person", 5,
						EscalationDecision.Action.HUMAN),
				new HandoffSummary(HandoffSummary.SCHEMA_VERSION, "My router blinks red since the thunderstorm",
						"customer-asked-for-person", "the customer asked for a person",
						List.of("customer-asked-for-person"), List.of(), null, null, null, null),
				HandoffMode.LIVE);
	}

	@Test
	void theInboxListsWaitingConversationsWithFilters() throws Exception {
		this.mvc.perform(get("/console/inbox").with(ConsoleUsers.agent("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("My router blinks red")))
			.andExpect(content().string(containsString("the customer asked for a person")));
		this.mvc.perform(get("/console/inbox/rows?filter=mine").with(ConsoleUsers.agent("alice")))
			.andExpect(content().string(not(containsString("My router blinks red"))));
		this.mvc.perform(get("/console/inbox/rows?filter=unassigned").with(ConsoleUsers.agent("alice")))
			.andExpect(content().string(containsString("My router blinks red")));
		this.mvc.perform(get("/console/inbox?filter=everything").with(ConsoleUsers.agent("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("filter must be mine, unassigned or all")));
	}

	@Test
	void claimReplyNoteAndResolve() throws Exception {
		String base = "/console/conversations/" + this.id;
		this.mvc.perform(post(base + "/claim").with(ConsoleUsers.agent("alice")).with(csrf()))
			.andExpect(redirectedUrl(base));
		this.mvc.perform(get("/console/inbox/rows?filter=mine").with(ConsoleUsers.agent("alice")))
			.andExpect(content().string(containsString("My router blinks red")));

		this.mvc
			.perform(post(base + "/reply").param("text", "Please unplug it for 30 seconds.")
				.with(ConsoleUsers.agent("alice"))
				.with(csrf()))
			.andExpect(flash().attributeExists("notice"));
		this.mvc
			.perform(post(base + "/notes").param("text", "Customer sounds upset; offer a technician.")
				.with(ConsoleUsers.agent("alice"))
				.with(csrf()))
			.andExpect(flash().attributeExists("notice"));
		assertThat(this.conversations.transcript(this.id)).anySatisfy((m) -> {
			assertThat(m.role()).isEqualTo(MessageRole.AGENT);
			assertThat(m.text()).isEqualTo("Please unplug it for 30 seconds.");
		}).noneSatisfy((m) -> assertThat(m.text()).contains("technician"));
		this.mvc.perform(get(base).with(ConsoleUsers.agent("alice")))
			.andExpect(content().string(containsString("offer a technician")))
			.andExpect(content().string(containsString("Please unplug it")));

		this.mvc.perform(post(base + "/messages/2/training").with(ConsoleUsers.agent("alice")).with(csrf()))
			.andExpect(flash().attributeExists("notice"));
		assertThat(this.examples.fromConversations(List.of(this.id))).singleElement()
			.satisfies((e) -> assertThat(e.question()).isEqualTo("My router blinks red since the thunderstorm"));
		assertThat(this.jdbc.sql("select question from training_example").query(String.class).single())
			.as("sealed at rest")
			.doesNotContain("thunderstorm");

		this.mvc
			.perform(post(base + "/resolve").param("outcome", "answered-by-agent")
				.with(ConsoleUsers.agent("alice"))
				.with(csrf()))
			.andExpect(flash().attributeExists("notice"));
		assertThat(this.handoffs.state(this.id)).isEqualTo(ConversationState.RESOLVED);

		this.mvc.perform(get("/console/search?q=thunderstorm").with(ConsoleUsers.agent("alice")))
			.andExpect(content().string(containsString(base)));
		this.mvc.perform(get("/console/search?q=thunderstorm").with(ConsoleUsers.agent("bob")))
			.andExpect(content().string(not(containsString(base))));
		this.mvc.perform(get("/console/search?q=thunderstorm").with(ConsoleUsers.supervisor("sue")))
			.andExpect(content().string(containsString(base)));
	}

	@Test
	void theConversationPageShowsAnAnswersConfidenceAndSourcesAndTheBotsAttempt() throws Exception {
		UUID other = this.conversations.start("en");
		this.conversations.addCustomerMessage(other, "How do I send a router back?");
		this.jdbc.sql("""
				insert into conversation_message (conversation_id, seq, role, text, reply_to, answer)
				values (?, 2, 'ASSISTANT', 'Maybe this helps.', 1, cast(? as jsonb))
				""").param(other).param("""
				{"schemaVersion": 1, "decision": "ESCALATE", "reason": "LOW_CONFIDENCE", "confidence": 0.42,
				 "citations": [{"number": 1, "title": "Returns policy", "sectionPath": "Policy > Returns",
				                "source": "kb", "url": "/kb/returns", "passage": "Within 30 days"}]}
				""").update();
		// a decline and a clarifying question store ESCALATE underneath: labelled as what
		// the customer got
		this.conversations.addCustomerMessage(other, "weather in Dublin?");
		this.conversations.addCustomerMessage(other, "my bill");
		this.jdbc.sql("""
				insert into conversation_message (conversation_id, seq, role, text, reply_to, answer) values
				(?, 5, 'ASSISTANT', 'Sorry, I can''t help with that here.', 3, cast(? as jsonb)),
				(?, 6, 'ASSISTANT', 'Which of these do you mean?', 4, cast(? as jsonb))
				""").param(other).param("""
				{"schemaVersion": 1, "decision": "ESCALATE", "reason": "OUT_OF_SCOPE", "confidence": 0.05,
				 "verdict": "DECLINE"}
				""").param(other).param("""
				{"schemaVersion": 1, "decision": "ESCALATE", "reason": "LOW_CONFIDENCE", "confidence": 0.3,
				 "options": [{"faqId": "a", "question": "How can I pay my bill?"},
				             {"faqId": "b", "question": "Why is my bill higher?"}]}
				""").update();
		this.handoffs.handOff(other,
				new EscalationDecision("low-confidence", "the bot was unsure", 3, EscalationDecision.Action.HUMAN),
				new HandoffSummary(HandoffSummary.SCHEMA_VERSION, "How do I send a router back?", "low-confidence",
						"the bot was unsure", List.of("low-confidence"), List.of(), "ESCALATE LOW_CONFIDENCE", 0.42,
						"faq-returns", List.of(new HandoffSummary.Source("Returns guide", "kb", "/kb/returns-guide"))),
				HandoffMode.LIVE);
		this.mvc.perform(get("/console/conversations/" + other).with(ConsoleUsers.agent("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confidence 0.42")))
			.andExpect(content().string(containsString("Decision: ESCALATE")))
			.andExpect(content().string(containsString("Decision: DECLINE")))
			.andExpect(content().string(containsString("Decision: CLARIFY")))
			// the agent sees what the customer was offered to choose from
			.andExpect(content().string(containsString("<li>How can I pay my bill?</li>")))
			.andExpect(content().string(containsString("<li>Why is my bill higher?</li>")))
			.andExpect(content().string(containsString("Returns policy")))
			.andExpect(content().string(containsString("Policy &gt; Returns")))
			.andExpect(content().string(containsString("ESCALATE LOW_CONFIDENCE · 0.42")))
			.andExpect(content().string(containsString("Returns guide")));
	}

	@Test
	void anInboxEventBetweenThePagesRenderAndItsStreamIsReplayed() throws Exception {
		// inbox events come from PostgreSQL notifications, after commit and on another
		// thread: let the set-up's handoff arrive before the page is rendered
		quiet(this.inboxEvents);
		String page = this.mvc.perform(get("/console/inbox").with(ConsoleUsers.agent("alice")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher rendered = java.util.regex.Pattern.compile("/console/inbox/events\\?after=(\\d+)")
			.matcher(page);
		assertThat(rendered.find()).as("the page names its last event").isTrue();
		long after = Long.parseLong(rendered.group(1));
		// a handoff after the page was rendered, before its stream connects
		UUID later = this.conversations.start("en");
		this.conversations.addCustomerMessage(later, "Is anyone there?");
		this.handoffs.handOff(later,
				new EscalationDecision("customer-asked-for-person", "asked", 2, EscalationDecision.Action.HUMAN),
				new HandoffSummary(HandoffSummary.SCHEMA_VERSION, "Is anyone there?", "customer-asked-for-person",
						"asked", List.of("customer-asked-for-person"), List.of(), null, null, null, null),
				HandoffMode.LIVE);
		// its event arrives by notification, on another thread: connect once it is kept
		long deadline = System.currentTimeMillis() + 10_000;
		while (this.inboxEvents.lastId() <= after && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		String stream = this.mvc.perform(get("/console/inbox/events?after=" + after).with(ConsoleUsers.agent("alice")))
			.andExpect(request().asyncStarted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stream).contains("event:inbox").contains(later.toString()).doesNotContain(this.id.toString());
		String resumed = this.mvc
			.perform(get("/console/inbox/events").header("Last-Event-ID", Long.toString(after + 1))
				.with(ConsoleUsers.agent("alice")))
			.andExpect(request().asyncStarted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(resumed).as("nothing after the last event seen").doesNotContain("event:inbox");
	}

	@Test
	void theDraftOfAnApprovedModelIsInTheReplyBoxToEdit() throws Exception {
		this.handoffs.attachDraft(this.id, "azure-eu", "Please unplug the router for 30 seconds.");
		this.handoffs.claim(this.id, "alice");
		this.mvc.perform(get("/console/conversations/" + this.id).with(ConsoleUsers.agent("alice")))
			.andExpect(content().string(containsString("Please unplug the router for 30 seconds.</textarea>")))
			.andExpect(content().string(containsString("azure-eu")));
		assertThat(this.conversations.transcript(this.id))
			.noneSatisfy((m) -> assertThat(m.role()).isEqualTo(MessageRole.AGENT));
	}

	@Test
	void anAgentCannotReadOrWorkOnAnotherAgentsConversation() throws Exception {
		String base = "/console/conversations/" + this.id;
		this.handoffs.claim(this.id, "alice");
		this.mvc.perform(get(base).with(ConsoleUsers.agent("bob"))).andExpect(status().isForbidden());
		this.mvc.perform(post(base + "/notes").param("text", "peek").with(ConsoleUsers.agent("bob")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(base + "/reply").param("text", "Hi, Bob here").with(ConsoleUsers.agent("bob")).with(csrf()))
			.andExpect(flash().attribute("problem", containsString("belongs to alice")));
		this.mvc.perform(post(base + "/assign").param("to", "bob").with(ConsoleUsers.agent("bob")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(base).with(ConsoleUsers.supervisor("sue"))).andExpect(status().isOk());
		this.mvc.perform(post(base + "/assign").param("to", "bob").with(ConsoleUsers.supervisor("sue")).with(csrf()))
			.andExpect(flash().attributeExists("notice"));
		assertThat(this.handoffs.find(this.id).assignedAgent()).isEqualTo("bob");
		this.mvc.perform(post(base + "/reply").param("text", "x").with(ConsoleUsers.agent("bob")))
			.andExpect(status().isForbidden());
	}

	@Test
	void transferAndAssignOfferKnownAgentsAndRefuseUnknownOnesWith400() throws Exception {
		String base = "/console/conversations/" + this.id;
		this.handoffs.claim(this.id, "alice");
		// someone who signed in through Keycloak once becomes an agent to choose
		this.mvc.perform(get("/console/inbox").with(ConsoleUsers.keycloak("kim", HearthRole.AGENT)))
			.andExpect(status().isOk());
		this.mvc.perform(get(base).with(ConsoleUsers.agent("alice")))
			.andExpect(content().string(containsString("<option value=\"bob\">Bob Tester (bob)</option>")))
			.andExpect(content().string(containsString("<option value=\"kim\">kim Tester (kim)</option>")))
			.andExpect(content().string(not(containsString("<option value=\"alice\">"))));
		this.mvc.perform(post(base + "/transfer").param("to", "nobody").with(ConsoleUsers.agent("alice")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("There is no agent &#39;nobody&#39;")));
		this.mvc.perform(post(base + "/assign").param("to", "nobody").with(ConsoleUsers.supervisor("sue")).with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(this.handoffs.find(this.id).assignedAgent()).isEqualTo("alice");
		this.mvc.perform(post(base + "/transfer").param("to", "kim").with(ConsoleUsers.agent("alice")).with(csrf()))
			.andExpect(flash().attributeExists("notice"));
		assertThat(this.handoffs.find(this.id).assignedAgent()).isEqualTo("kim");
	}

	@Test
	void theLivePageLoadsTheMessagesAfterTheLastItShowsAndOnlyForWhoMaySeeIt() throws Exception {
		String base = "/console/conversations/" + this.id;
		this.conversations.addCustomerMessage(this.id, "Are you still there?");
		this.mvc.perform(get(base).with(ConsoleUsers.agent("alice")))
			.andExpect(content().string(containsString("data-last-seq=\"2\"")))
			.andExpect(content().string(containsString("data-live-conversation=\"" + base + "\"")));
		this.mvc.perform(get(base + "/messages?after=1").with(ConsoleUsers.agent("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-seq=\"2\"")))
			.andExpect(content().string(containsString("Are you still there?")))
			.andExpect(content().string(not(containsString("thunderstorm"))))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(get(base + "/messages?after=-1").with(ConsoleUsers.agent("alice")))
			.andExpect(status().isBadRequest());
		this.handoffs.claim(this.id, "alice");
		this.mvc.perform(get(base + "/messages?after=0").with(ConsoleUsers.agent("bob")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(base + "/events").with(ConsoleUsers.agent("bob"))).andExpect(status().isForbidden());
	}

	@Test
	void onlySupervisorsMaintainCannedResponses() throws Exception {
		this.mvc
			.perform(post("/console/canned").param("title", "Greeting")
				.param("body", "Hello {customer}, this is {agent}.")
				.with(ConsoleUsers.agent("alice"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/console/canned").param("title", "Greeting")
				.param("body", "Hello {customer}, this is {agent}.")
				.with(ConsoleUsers.supervisor("sue"))
				.with(csrf()))
			.andExpect(flash().attributeExists("notice"));
		this.mvc.perform(get("/console/canned").with(ConsoleUsers.agent("alice")))
			.andExpect(content().string(containsString("Hello {customer}, this is {agent}.")));
		this.mvc.perform(get("/console/conversations/" + this.id).with(ConsoleUsers.agent("alice")))
			.andExpect(status().isOk());
	}

	/** Waits until no inbox event has arrived for half a second (at most 10 s). */
	private static void quiet(InboxEvents events) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		long seen = events.lastId();
		long since = System.currentTimeMillis();
		while (System.currentTimeMillis() < deadline && System.currentTimeMillis() - since < 500) {
			Thread.sleep(50);
			if (events.lastId() != seen) {
				seen = events.lastId();
				since = System.currentTimeMillis();
			}
		}
	}

}
