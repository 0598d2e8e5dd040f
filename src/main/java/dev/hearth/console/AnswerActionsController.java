package dev.hearth.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hearth.conversation.Conversations;
import dev.hearth.conversation.Message;
import dev.hearth.conversation.MessageRole;
import dev.hearth.escalation.TrainingExamples;
import dev.hearth.identity.SignedInUser;
import dev.hearth.knowledge.FaqFormat;
import dev.hearth.knowledge.FaqImporter;

/**
 * The learning actions on any answer in a conversation (the bot's or an agent's): keep
 * the question and answer as a training example (personal data scrubbed by
 * {@link TrainingExamples}), or turn them into an FAQ entry through the same import
 * pipeline as the CLI.
 */
@Controller
class AnswerActionsController {

	private final Conversations conversations;

	private final TrainingExamples training;

	private final FaqImporter faq;

	private final ConversationPageController pages;

	private final Flash flash;

	private final JsonMapper json;

	AnswerActionsController(Conversations conversations, TrainingExamples training, FaqImporter faq,
			ConversationPageController pages, Flash flash, JsonMapper json) {
		this.conversations = conversations;
		this.training = training;
		this.faq = faq;
		this.pages = pages;
		this.flash = flash;
		this.json = json;
	}

	@PostMapping("/console/conversations/{id}/messages/{seq}/training")
	String training(@PathVariable UUID id, @PathVariable int seq, Authentication user, RedirectAttributes redirect) {
		this.pages.visible(id, SignedInUser.of(user));
		List<Message> transcript = this.conversations.transcript(id);
		Message answer = answer(transcript, seq);
		this.training.keep(id, "AGENT", question(transcript, answer), answer.text());
		this.flash.notice(redirect, "conversation.useTraining.done");
		return "redirect:/console/conversations/" + id;
	}

	@PostMapping("/console/conversations/{id}/messages/{seq}/faq")
	String faq(@PathVariable UUID id, @PathVariable int seq, @RequestParam(defaultValue = "") String entryId,
			@RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String answer,
			Authentication user, RedirectAttributes redirect) {
		SignedInUser me = SignedInUser.of(user);
		this.pages.visible(id, me);
		answer(this.conversations.transcript(id), seq);
		String faqId = entryId.strip();
		if (!faqId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
			throw new IllegalArgumentException(
					"the FAQ entry id must be 1 to 80 letters, digits, '.', '-' or '_', " + "got '" + faqId + "'");
		}
		if (question.isBlank() || answer.isBlank()) {
			throw new IllegalArgumentException("an FAQ entry needs a question and an answer");
		}
		String line = this.json.writeValueAsString(
				Map.of("id", faqId, "question", question.strip(), "answer", answer.strip(), "examples", List.of()));
		this.faq.importFaq(line, FaqFormat.JSONL, false, "console/conversation/" + id, me.username());
		this.flash.notice(redirect, "conversation.faq.done", faqId);
		return "redirect:/console/conversations/" + id;
	}

	/** The assistant or agent message with this seq. */
	private static Message answer(List<Message> transcript, int seq) {
		return transcript.stream()
			.filter((m) -> m.seq() == seq && (m.role() == MessageRole.ASSISTANT || m.role() == MessageRole.AGENT))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("message " + seq
					+ " is not an answer of this conversation (only bot and agent answers can be used)"));
	}

	/** The customer message the answer replies to, else the last one before it. */
	static String question(List<Message> transcript, Message answer) {
		Integer replyTo = answer.replyTo();
		String last = "";
		for (Message message : transcript) {
			if (message.seq() >= answer.seq()) {
				break;
			}
			if (message.role() == MessageRole.CUSTOMER) {
				last = message.text();
				if (replyTo != null && message.seq() == replyTo) {
					return message.text();
				}
			}
		}
		return last;
	}

}
