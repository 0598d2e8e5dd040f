package dev.hearth.escalation;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.CustomerTurn;
import dev.hearth.assistant.Decision;
import dev.hearth.assistant.Turn;
import dev.hearth.knowledge.Audiences;
import dev.hearth.knowledge.FaqCatalog;
import dev.hearth.knowledge.FaqEntry;

/**
 * The one place that decides what a customer turn leads to: before the pipeline answers
 * ({@link #before}), on its answer ({@link #after}), and when the customer asks for a
 * person with the widget's button ({@link #onRequest}). Each returns a {@link Verdict}
 * that says everything the conversation module records: whether an approved LLM answered
 * (asked here, when a rule sends the turn to one that may answer customers), the handoff
 * mode, the agent's summary and whether a draft is wanted. Thread-safe.
 */
@Service
public class Escalation {

	private final EscalationPolicy policy;

	private final ApprovedLlmGateway gateway;

	private final HandoffRouting routing;

	private final FaqCatalog faqs;

	private final List<String> customerAudiences;

	Escalation(EscalationPolicy policy, ApprovedLlmGateway gateway, HandoffRouting routing, FaqCatalog faqs,
			Environment environment) {
		// the assistant's setting, read as Spring binds it (a YAML list or a comma list)
		this.customerAudiences = Binder.get(environment)
			.bind("hearth.assistant.customer-audiences", Bindable.listOf(String.class))
			.orElse(List.of("customer"));
		this.policy = policy;
		this.gateway = gateway;
		this.routing = routing;
		this.faqs = faqs;
	}

	/**
	 * The verdict on the customer's message and the conversation so far: {@code Reply}
	 * (answer it), {@code Decline} (a rule whose action keeps the bot fired: there is
	 * nothing to choose between before answering, so it declines) or {@code HandOver} (a
	 * person, without a bot answer first).
	 */
	public Verdict before(CustomerTurn turn) {
		Optional<EscalationDecision> decision = this.policy.beforeAnswering(TurnContext.of(turn));
		return decision.<Verdict>map((d) -> d.action().staysWithBot()
				? new Verdict.Decline(d.as(EscalationDecision.Action.DECLINE, d.reason())) : handOver(turn, null, d))
			.orElseGet(Verdict.Reply::new);
	}

	/**
	 * The verdict on the pipeline's answer: {@code Reply} (show it), {@code LlmReply} (an
	 * approved LLM answered instead), {@code Clarify} (ask which of the close candidates
	 * is meant), {@code Decline} (say politely what Hearth can help with) or
	 * {@code HandOver}. An approved LLM that may answer customers is asked first for the
	 * actions {@code APPROVED_LLM}, {@code DECLINE} and {@code CLARIFY}; a clarifying
	 * question without two close candidates becomes a decline, with its reason saying so.
	 */
	public Verdict after(CustomerTurn turn, Answer answer) {
		Optional<EscalationDecision> decision = this.policy.afterAnswering(answer);
		if (decision.isEmpty()) {
			return new Verdict.Reply();
		}
		EscalationDecision.Action action = decision.get().action();
		if ((action == EscalationDecision.Action.APPROVED_LLM || action.staysWithBot()) && this.gateway.canAnswer()) {
			Optional<ApprovedLlmGateway.GatewayAnswer> approved = this.gateway.answer(turn.text(), turn.history(),
					decision.get().rule());
			if (approved.isPresent()) {
				return new Verdict.LlmReply(decision.get(),
						new Answer(Decision.ANSWERED, null, approved.get().text(), answer.confidence(),
								answer.routerConfidence(), null, "approved-llm:" + approved.get().endpoint(), List.of(),
								answer.ranked(), answer.timings()));
			}
		}
		if (action == EscalationDecision.Action.CLARIFY) {
			List<ClarifyOption> options = Clarification.options(turn.text(), answer.ranked(),
					(id) -> this.faqs.entry(id).filter(this::forCustomers));
			if (!options.isEmpty()) {
				return new Verdict.Clarify(decision.get(), options);
			}
			return new Verdict.Decline(decision.get()
				.as(EscalationDecision.Action.DECLINE,
						decision.get().reason() + " No close candidates to ask about, so Hearth declined."));
		}
		if (action == EscalationDecision.Action.DECLINE) {
			return new Verdict.Decline(decision.get());
		}
		return handOver(turn, answer, decision.get());
	}

	/**
	 * The verdict when the customer presses "Talk to a person": the policy's
	 * {@code customer-asked-for-person} rule, with its priority, always to a person.
	 */
	public Verdict.HandOver onRequest(CustomerTurn turn) {
		return handOver(turn, null, this.policy.customerAskedForPerson());
	}

	/** A clarifying question offers only entries customers may see. */
	private boolean forCustomers(FaqEntry entry) {
		return Audiences.visibleTo(entry.tags(), this.customerAudiences);
	}

	private Verdict.HandOver handOver(CustomerTurn turn, Answer answer, EscalationDecision decision) {
		String question = question(turn);
		DraftRequested draft = wantsDraft(decision)
				? new DraftRequested(turn.conversation(), question, turn.history(), decision.rule()) : null;
		return new Verdict.HandOver(decision, this.routing.modeNow(),
				HandoffSummary.of(turn, question, answer, decision), draft);
	}

	/**
	 * What the customer needs an answer to: the message itself, or, when it only asks for
	 * a person ("talk to a person"), the customer's message before it, so that the agent
	 * reads the question, a draft answers it and the learning loop pairs the agent's
	 * answer with it.
	 */
	static String question(CustomerTurn turn) {
		if (!PersonRequests.onlyAsksForPerson(turn.text())) {
			return turn.text();
		}
		for (int i = turn.history().size() - 1; i >= 0; i--) {
			Turn earlier = turn.history().get(i);
			if (earlier.fromCustomer() && !PersonRequests.onlyAsksForPerson(earlier.text())) {
				return earlier.text();
			}
		}
		return turn.text();
	}

	private boolean wantsDraft(EscalationDecision decision) {
		return switch (decision.action()) {
			case APPROVED_LLM_DRAFT_FOR_AGENT -> this.gateway.canDraft();
			// an endpoint that may answer was already asked; draft-only ones draft
			// instead
			case APPROVED_LLM -> !this.gateway.canAnswer() && this.gateway.canDraft();
			case HUMAN, DECLINE, CLARIFY -> false;
		};
	}

}
