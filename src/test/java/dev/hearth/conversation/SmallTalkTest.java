package dev.hearth.conversation;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.conversation.SmallTalk.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class SmallTalkTest {

	@Test
	void greetingsThanksGoodbyesAndBotQuestionsInEnglishAndGerman() {
		assertThat(SmallTalk.of("Hello!")).contains(new SmallTalk.Said(Kind.GREETING, "en"));
		assertThat(SmallTalk.of("hi there :)")).map(SmallTalk.Said::kind).contains(Kind.GREETING);
		assertThat(SmallTalk.of("Guten Morgen")).contains(new SmallTalk.Said(Kind.GREETING, "de"));
		assertThat(SmallTalk.of("thanks")).contains(new SmallTalk.Said(Kind.THANKS, "en"));
		assertThat(SmallTalk.of("Thank you so much!!")).map(SmallTalk.Said::kind).contains(Kind.THANKS);
		assertThat(SmallTalk.of("Vielen Dank 👍")).contains(new SmallTalk.Said(Kind.THANKS, "de"));
		assertThat(SmallTalk.of("ok thanks, bye!")).contains(new SmallTalk.Said(Kind.GOODBYE, "en"));
		assertThat(SmallTalk.of("Tschüss")).contains(new SmallTalk.Said(Kind.GOODBYE, "de"));
		assertThat(SmallTalk.of("that's all")).map(SmallTalk.Said::kind).contains(Kind.GOODBYE);
		assertThat(SmallTalk.of("are you a bot?")).contains(new SmallTalk.Said(Kind.BOT_QUESTION, "en"));
		assertThat(SmallTalk.of("Hi, am I talking to a real person?")).map(SmallTalk.Said::kind)
			.contains(Kind.BOT_QUESTION);
		assertThat(SmallTalk.of("Bist du ein Bot?")).contains(new SmallTalk.Said(Kind.BOT_QUESTION, "de"));
		assertThat(SmallTalk.of("ok")).contains(new SmallTalk.Said(Kind.THANKS, null));
	}

	@Test
	void aMessageWithAnythingElseInItIsNotSmallTalk() {
		for (String message : List.of("hi, how long does a refund take?", "thanks, but my router still blinks red",
				"hello I want to talk to a person", "bye bye broadband: how do I cancel?", "a person",
				"Danke für nichts, " + "das Internet geht immer noch nicht", "", "   ", "?!", "hightech",
				"thanksgiving opening hours", "are you a bot? I need my bill explained")) {
			assertThat(SmallTalk.of(message)).as(message).isEmpty();
		}
		assertThat(SmallTalk.of("hi ".repeat(40))).as("long").isEmpty();
	}

	@Test
	void everyKindHasAReplyKey() {
		assertThat(List.of(Kind.values()).stream().map(Kind::key)).containsExactly("widget.notice.smalltalk.greeting",
				"widget.notice.smalltalk.thanks", "widget.notice.smalltalk.goodbye", "widget.notice.smalltalk.bot");
		assertThat(Notices.KEYS).contains("widget.notice.smalltalk.greeting", "widget.notice.smalltalk.thanks",
				"widget.notice.smalltalk.goodbye", "widget.notice.smalltalk.bot");
	}

}
