package dev.hearth.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.hearth.assistant.Decision;

import static org.assertj.core.api.Assertions.assertThat;

class MessageMaskingTest {

	private static final String PHONE = "0800 123 4567";

	private static final UnaryOperator<String> MASK = (text) -> text.replace(PHONE, "[PHONE]");

	@Test
	void anAnswerTakenFromTheKnowledgeBaseIsShownAsTheCustomerSawIt() {
		assertThat(answer("faq", Decision.ANSWERED).maskedFor(MASK).text()).contains(PHONE);
		assertThat(answer("extractive", Decision.ANSWERED).maskedFor(MASK).text()).contains(PHONE);
	}

	@Test
	void everythingElseIsMasked() {
		// a language model's answer may repeat what the customer wrote
		assertThat(answer("generative", Decision.ANSWERED).maskedFor(MASK).text()).contains("[PHONE]");
		assertThat(answer("faq", Decision.ESCALATE).maskedFor(MASK).text()).contains("[PHONE]");
		for (MessageRole role : List.of(MessageRole.CUSTOMER, MessageRole.AGENT, MessageRole.SYSTEM)) {
			Message message = new Message(1, role, "call me on " + PHONE, null, null, Instant.now(), null);
			assertThat(message.maskedFor(MASK).text()).as(role.name()).isEqualTo("call me on [PHONE]");
		}
	}

	private static Message answer(String answeredBy, Decision decision) {
		MessageAnswer answer = new MessageAnswer(decision, null, null, 0.9, 0.9, null, answeredBy, List.of(), List.of(),
				Map.of(), null, List.of(), null);
		return new Message(2, MessageRole.ASSISTANT, "Call us on " + PHONE + ".", 1, answer, Instant.now(), null);
	}

}
