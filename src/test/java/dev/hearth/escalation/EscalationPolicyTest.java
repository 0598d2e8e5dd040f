package dev.hearth.escalation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.Decision;
import dev.hearth.assistant.EscalationReason;
import dev.hearth.escalation.EscalationDecision.Action;
import dev.hearth.privacy.PiiClass;
import dev.hearth.privacy.Redactor;
import dev.hearth.privacy.StandardDetectors;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

	static final Redactor REDACTOR = new Redactor(
			StandardDetectors.all("(?i)\\bCUST[- ]?\\d{6,10}\\b", "(?i)\\b(?:ORD|ORDER)[- #]{0,2}\\d{5,12}\\b"));

	private final AtomicReference<Policy> current = new AtomicReference<>(DefaultPolicy.from(properties()));

	private final EscalationPolicy policy = new EscalationPolicy(this.current::get, REDACTOR, new Rephrasing());

	static EscalationProperties properties() {
		return new EscalationProperties(List.of(), Map.of(), Map.of(), new EscalationProperties.BusinessHoursSettings(
				false, "UTC", List.of("MON-FRI 08:00-18:00"), List.of(), false));
	}

	private Optional<EscalationDecision> before(String message) {
		return this.policy.beforeAnswering(TurnContext.of(message));
	}

	private static String rule(Optional<EscalationDecision> decision) {
		return decision.map(EscalationDecision::rule).orElse(null);
	}

	@Test
	void askingForAPersonFiresInEnglishAndGermanAlsoIndirectly() {
		for (String question : List.of("I want to talk to a human", "can I speak with a real person?",
				"get me a representative", "transfer me to someone", "you're not a bot, are you? I want a live agent",
				"Ich möchte mit einem Menschen sprechen", "Bitte einen Mitarbeiter")) {
			assertThat(rule(before(question))).as(question).isEqualTo("customer-asked-for-person");
		}
	}

	@Test
	void aShortAnswerNamingAPersonFiresAsAfterADecline() {
		for (String answer : List.of("a person", "A person, please", "human", "an agent!", "someone please",
				"yes, a person", "einen Mitarbeiter bitte", "Mensch", "eine Person")) {
			assertThat(rule(before(answer))).as(answer).isEqualTo("customer-asked-for-person");
		}
		for (String question : List.of("a person moving house, what do I do?", "agent fees",
				"is someone coming to install it?")) {
			assertThat(before(question)).as(question).isEmpty();
		}
	}

	@Test
	void ordinaryQuestionsFireNothing() {
		for (String question : List.of("How do I talk to my router?", "what does the agent fee cost",
				"Is a person allowed to share a plan?", "Wie hoch ist meine Rechnung?", "How do I cancel my contract?",
				"How do I make a complaint?", "my connection is slow", "Can you diagnose my line?",
				"The classic plan, is it still sold in Scunthorpe?", "It's not bad, but how do I upgrade?")) {
			assertThat(before(question)).as(question).isEmpty();
		}
	}

	@Test
	void profanityFiresAlsoDisguised() {
		for (String message : List.of("this is fucking useless", "what the f*ck", "Sh1t, it's down again",
				"So eine Scheiße", "verdammt nochmal, geht nicht")) {
			assertThat(this.policy.beforeAnswering(TurnContext.of(message))).as(message)
				.hasValueSatisfying((d) -> assertThat(d.fired()).contains("frustration:profanity"));
		}
	}

	@Test
	void stronglyNegativeMessagesFireButMildOnesDoNot() {
		assertThat(rule(before("This is unacceptable, the worst service ever!!")))
			.isEqualTo("frustration:negative-sentiment");
		assertThat(rule(before("I'm fed up, this is ridiculous"))).isEqualTo("frustration:negative-sentiment");
		assertThat(rule(before("Ich bin wirklich enttäuscht, das ist eine Frechheit")))
			.isEqualTo("frustration:negative-sentiment");
		assertThat(before("I'm a bit disappointed, the speed is slow")).isEmpty();
		assertThat(before("not terrible, just wondering about the price")).isEmpty();
	}

	@Test
	void askingTheSameQuestionAgainFiresOnTheThirdTime() {
		List<String> earlier = List.of("How long does a refund take?", "refund: how long does it take");
		assertThat(this.policy.beforeAnswering(new TurnContext("How long does the refund take??", earlier, 3)))
			.hasValueSatisfying((d) -> {
				assertThat(d.rule()).isEqualTo("frustration:rephrasing");
				assertThat(d.reason()).contains("3 times");
			});
		assertThat(this.policy
			.beforeAnswering(new TurnContext("How long does a refund take?", List.of("how do I pay my bill"), 2)))
			.isEmpty();
		assertThat(this.policy.beforeAnswering(new TurnContext("yes", List.of("yes", "yes"), 3))).isEmpty();
	}

	@Test
	void sensitiveTopicsFireByPhraseAsWholeWords() {
		assertThat(rule(before("If this isn't fixed I'll talk to my lawyer"))).isEqualTo("topic:legal-threat");
		assertThat(rule(before("Ich werde rechtliche Schritte einleiten"))).isEqualTo("topic:legal-threat");
		assertThat(rule(before("what are the side effects of using wifi while pregnant")))
			.isEqualTo("topic:medical-advice");
		assertThat(rule(before("Should I invest in your shares?"))).isEqualTo("topic:financial-advice");
		assertThat(before("There is an issue with my bill")).as("'sue' inside 'issue'").isEmpty();
	}

	@Test
	void aNationalIdWithAGenericLabelCountsOnlyForACustomerOfItsCountry() {
		String message = "my ID number is 111222333, can you check my contract?";
		assertThat(this.policy.beforeAnswering(TurnContext.of(message, "NL"))).hasValueSatisfying((d) -> {
			assertThat(d.rule()).isEqualTo("regulated-data");
			assertThat(d.reason()).contains("NATIONAL_ID");
		});
		assertThat(this.policy.beforeAnswering(TurnContext.of(message, "DE"))).as("not a German ID").isEmpty();
		assertThat(before(message)).as("country unknown").isEmpty();
		assertThat(this.policy.beforeAnswering(TurnContext.of("my order number is 111222333", "NL"))).isEmpty();
		assertThat(rule(before("my BSN is 111222333"))).as("its own label needs no country")
			.isEqualTo("regulated-data");
	}

	@Test
	void regulatedDataFiresOnTheConfiguredClassesOnly() {
		assertThat(before("my card is 4111 1111 1111 1111, please charge it")).hasValueSatisfying((d) -> {
			assertThat(d.rule()).isEqualTo("regulated-data");
			assertThat(d.reason()).contains("PAYMENT_CARD");
			assertThat(d.priority()).isEqualTo(3);
		});
		assertThat(rule(before("IBAN DE89 3704 0044 0532 0130 00 for the refund"))).isEqualTo("regulated-data");
		assertThat(before("my email is jane@example.com, how do I change my plan?")).isEmpty();
		assertThat(before("card 4111 1111 1111 1112 is not valid")).as("fails Luhn").isEmpty();
	}

	@Test
	void tooManyTurnsWithoutAResolutionFire() {
		// the count is of unresolved turns (declined, asked back, handed over, rated
		// unhelpful) plus this one; the default limit is 4
		assertThat(this.policy.beforeAnswering(new TurnContext("and what about TV?", List.of(), 5)))
			.hasValueSatisfying((d) -> {
				assertThat(d.rule()).isEqualTo("turn-limit");
				assertThat(d.action()).isEqualTo(Action.HUMAN);
				assertThat(d.reason()).contains("could not resolve");
			});
		assertThat(this.policy.beforeAnswering(new TurnContext("and what about TV?", List.of(), 4))).isEmpty();
	}

	@Test
	void ofSeveralRulesTheHighestPriorityWinsAndAllAreRecorded() {
		Optional<EscalationDecision> decision = before(
				"This is fucking ridiculous, I'm fed up, I want to talk to a human or my lawyer will hear of it!!");
		assertThat(decision).hasValueSatisfying((d) -> {
			assertThat(d.rule()).isEqualTo("topic:legal-threat");
			assertThat(d.priority()).isEqualTo(3);
			assertThat(d.fired()).containsExactly("topic:legal-threat", "customer-asked-for-person",
					"frustration:negative-sentiment", "frustration:profanity");
		});
	}

	@Test
	void aDisabledRuleDoesNotFireAndAnEnabledTopicCarriesItsAction() {
		Policy base = this.current.get();
		List<PolicyRule> rules = base.rules().stream().map((r) -> switch (r.id()) {
			case "frustration:profanity" -> r.with(false, r.action(), r.priority());
			case "topic:cancellation" -> r.with(true, Action.APPROVED_LLM_DRAFT_FOR_AGENT, 4);
			default -> r;
		}).toList();
		this.current.set(new Policy(rules, base.businessHours(), base.llms()));
		assertThat(before("shit")).isEmpty();
		assertThat(before("I want to cancel my contract")).hasValueSatisfying((d) -> {
			assertThat(d.rule()).isEqualTo("topic:cancellation");
			assertThat(d.action()).isEqualTo(Action.APPROVED_LLM_DRAFT_FOR_AGENT);
			assertThat(d.priority()).isEqualTo(4);
		});
	}

	@Test
	void thePipelinesEscalationFiresWithItsReasonAsTheRule() {
		Answer escalate = new Answer(Decision.ESCALATE, EscalationReason.OUT_OF_SCOPE, "", 0.1, 0.1, null, null,
				List.of(), List.of(), Map.of());
		assertThat(this.policy.afterAnswering(escalate)).hasValueSatisfying((d) -> {
			assertThat(d.rule()).isEqualTo("pipeline:OUT_OF_SCOPE");
			assertThat(d.action()).isEqualTo(Action.DECLINE);
			assertThat(d.reason()).isEqualTo("Hearth's knowledge base does not cover the question.");
		});
		Answer unsure = new Answer(Decision.ESCALATE, EscalationReason.LOW_CONFIDENCE, "", 0.3, 0.3, null, null,
				List.of(), List.of(), Map.of());
		assertThat(this.policy.afterAnswering(unsure).get().action()).isEqualTo(Action.CLARIFY);
		Answer ungrounded = new Answer(Decision.ESCALATE, EscalationReason.UNGROUNDED, "", 0.5, 0.5, null, null,
				List.of(), List.of(), Map.of());
		assertThat(this.policy.afterAnswering(ungrounded).get().action()).isEqualTo(Action.CLARIFY);
		Answer failed = new Answer(Decision.ESCALATE, EscalationReason.MODEL_FAILURE, "", 0, 0, null, null, List.of(),
				List.of(), Map.of());
		assertThat(this.policy.afterAnswering(failed).get().action()).isEqualTo(Action.HUMAN);
		Answer answered = new Answer(Decision.ANSWERED, null, "x", 0.9, 0.9, "faq", "faq", List.of(), List.of(),
				Map.of());
		assertThat(this.policy.afterAnswering(answered)).isEmpty();
	}

	@Test
	void configurationChangesBuiltInRulesAndAddsTopics() {
		EscalationProperties properties = new EscalationProperties(List.of(),
				Map.of("turn-limit", new EscalationProperties.RuleSettings(null, null, null, 3, null), "regulated-data",
						new EscalationProperties.RuleSettings(null, null, null, null, List.of(PiiClass.EMAIL))),
				Map.of("outage-compensation",
						new EscalationProperties.TopicSettings(null, Action.HUMAN, 3, List.of("compensation"))),
				properties().businessHours());
		Policy configured = DefaultPolicy.from(properties);
		this.current.set(configured);
		assertThat(rule(this.policy.beforeAnswering(new TurnContext("hi there again", List.of(), 4))))
			.isEqualTo("turn-limit");
		assertThat(rule(before("write to me at jane@example.com"))).isEqualTo("regulated-data");
		assertThat(rule(before("I want compensation for the outage"))).isEqualTo("topic:outage-compensation");
	}

	@Test
	void anUnknownRuleInConfigurationIsRefusedWithTheKnownOnes() {
		EscalationProperties properties = new EscalationProperties(List.of(),
				Map.of("turn-limits", new EscalationProperties.RuleSettings(null, null, null, 3, null)), Map.of(),
				properties().businessHours());
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultPolicy.from(properties))
			.withMessageContaining("hearth.escalation.rules.turn-limits is not a rule")
			.withMessageContaining("turn-limit");
	}

}
