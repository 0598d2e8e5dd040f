package dev.hearth.conversation;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.knowledge.FaqFormat;
import dev.hearth.knowledge.FaqImporter;
import dev.hearth.testing.Tables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's default suggestions: the FAQ entries that answered customers most often,
 * and on a new installation, before enough have, the entries with the most phrasings.
 */
@SpringBootTest
@ActiveProfiles("test")
class MostAskedFaqsIT {

	private static final String FAQ = """
			{"id": "refund-time", "question": "How long does a refund take?", "examples": ["when will I get my money back", "refund duration", "how many days until my refund arrives"], "answer": "Refunds reach your account within 5 working days."}
			{"id": "reset-router", "question": "How do I restart my router?", "examples": ["router reboot"], "answer": "Unplug the router for 30 seconds, then plug it back in."}
			{"id": "opening-hours", "question": "When are you open?", "examples": ["opening hours", "what time can I call you"], "answer": "We are open Monday to Friday 8:00-20:00."}
			{"id": "no-examples", "question": "Do you sell gift cards?", "answer": "No, we do not sell gift cards."}
			{"id": "staff-only", "question": "What refund can I approve?", "examples": ["tier 1 limit", "goodwill limit", "credit limit", "approval limit"], "answer": "Up to 50 euros.", "tags": {"audience": ["agent"]}}
			{"id": "german", "question": "Wann haben Sie geöffnet?", "examples": ["Öffnungszeiten", "wann kann ich anrufen", "Servicezeiten", "Hotline Zeiten"], "answer": "Montag bis Freitag 8 bis 20 Uhr.", "language": "de"}
			""";

	@Autowired
	MostAskedFaqs mostAsked;

	@Autowired
	FaqImporter importer;

	@Autowired
	Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void faq() {
		Tables.truncate(this.jdbc, "kb_document, faq_entry, kb_import_event, conversation cascade");
		this.importer.importFaq(FAQ, FaqFormat.JSONL, true, "most-asked-it", "test");
	}

	@Test
	void aNewInstallationSuggestsTheEntriesWithTheMostPhrasings() {
		// for customers, in the language, with phrasings: most first
		assertThat(this.mostAsked.mostAsked("en", 3)).containsExactly("How long does a refund take?",
				"When are you open?", "How do I restart my router?");
		assertThat(this.mostAsked.mostAsked("de", 3)).containsExactly("Wann haben Sie geöffnet?");
	}

	@Test
	void theEntriesThatAnsweredMostComeFirstAndTheRestFillUp() {
		answered("reset-router", 3);
		answered("opening-hours", 1);
		assertThat(this.mostAsked.mostAsked("en", 3)).containsExactly("How do I restart my router?",
				"When are you open?", "How long does a refund take?");
		assertThat(this.mostAsked.mostAsked("en", 1)).containsExactly("How do I restart my router?");
	}

	private void answered(String faqId, int times) {
		for (int i = 0; i < times; i++) {
			UUID conversation = this.conversations.start("en");
			this.jdbc.sql("""
					insert into conversation_message (conversation_id, seq, role, text, answer)
					values (?, 1, 'ASSISTANT', 'answer', cast(? as jsonb))
					""")
				.param(conversation)
				.param("{\"decision\": \"ANSWERED\", \"answeredBy\": \"faq\", \"faqId\": \"" + faqId + "\"}")
				.update();
		}
	}

}
