package dev.hearth.conversation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every customer notice exists in English and German and reads right in both. */
class NoticesTest {

	private final Notices notices = new Notices(source());

	private static ResourceBundleMessageSource source() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		return source;
	}

	@Test
	void everyNoticeKeyIsInEveryBundle() {
		ResourceBundleMessageSource source = source();
		for (String key : Notices.KEYS) {
			for (java.util.Locale locale : java.util.List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
				assertThat(source.getMessage(key, new Object[] { 1, 1 }, locale)).as(key + " " + locale).isNotBlank();
			}
		}
	}

	@Test
	void noticesAreInTheConversationsLanguage() {
		assertThat(this.notices.waitNotice("en", Duration.ofMinutes(5)))
			.startsWith("I'm passing you to a person from our team")
			.contains("within 5 minutes");
		assertThat(this.notices.waitNotice(null, Duration.ofSeconds(20))).contains("within 1 minute.");
		assertThat(this.notices.waitNotice("de-CH", Duration.ofMinutes(3))).startsWith("Ich verbinde Sie")
			.contains("3 Minuten");
		assertThat(this.notices.ticketNotice("de")).startsWith("Unser Team ist gerade nicht erreichbar");
		assertThat(this.notices.ticketNotice("fr")).startsWith("Our team isn't available");
		assertThat(this.notices.decline("en")).contains("rephrase").contains("talk to a person");
		assertThat(this.notices.decline("de")).contains("anders formulieren").contains("Person");
		assertThat(this.notices.clarify("de")).startsWith("Ich bin nicht sicher");
		assertThat(this.notices.stillWaiting("en", 2, Duration.ofMinutes(4))).startsWith("I couldn't answer")
			.contains("number 2 in the queue")
			.contains("about 4 minutes");
		assertThat(this.notices.smallTalk(new SmallTalk.Said(SmallTalk.Kind.THANKS, null), "en"))
			.isEqualTo("You're welcome! Is there anything else I can help with?");
		assertThat(this.notices.smallTalk(new SmallTalk.Said(SmallTalk.Kind.THANKS, "de"), "en"))
			.as("the words' language wins")
			.startsWith("Gern geschehen");
		assertThat(this.notices.smallTalk(new SmallTalk.Said(SmallTalk.Kind.BOT_QUESTION, null), "de"))
			.contains("virtueller Assistent");
		assertThat(this.notices.stillWaiting("de", 1, Duration.ofMinutes(1))).contains("Nummer 1")
			.contains("etwa 1 Minute.");
	}

	@Test
	void anAnswerInAnotherLanguageIsIntroducedInTheCustomersLanguage() {
		assertThat(this.notices.otherLanguage("de", "en")).isEqualTo("Diese Antwort gibt es nur auf Englisch:");
		assertThat(this.notices.otherLanguage("en", "de")).isEqualTo("This answer is only available in German:");
		assertThat(this.notices.otherLanguage("de-CH", "de")).isNull();
		assertThat(this.notices.otherLanguage("de", null)).isNull();
		assertThat(this.notices.otherLanguage(null, "en")).isNull();
	}

}
