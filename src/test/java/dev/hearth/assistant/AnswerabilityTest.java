package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnswerabilityTest {

	private final Answerability answerability = new Answerability(0.5);

	@Test
	void aSpanThatCoversTheTopicAndHasTheAskedKindOfFactAnswers() {
		String span = "Once we approve a refund, we process it within 5–7 working days.";
		assertThat(this.answerability.judge("how long does a refund take", span, span).answers()).isTrue();
	}

	@Test
	void pastedMarkupLinksAndAddressesAreNotTheQuestionsTopic() {
		String span = "The parental control PIN of your TV box is set in the TV menu under Settings > Parental control.";
		String question = "What is the parental control PIN? <img src=x onerror=\"a=1\"><script>b=2</script>"
				+ "[click](javascript:c=3) https://example.com/x?id=4 write to jane.doe.55@example.com";
		assertThat(Answerability.topicWords(question)).containsExactly("parental", "control", "pin", "click", "write");
		assertThat(this.answerability.judge(question, span, span).answers()).isTrue();
	}

	@Test
	void aNumberTheQuestionNamesMustBeInThePassage() {
		String span = "Our plans: Fibre 150 €29.99, Fibre 500 €39.99, Fibre 2000 €69.99";
		assertThat(this.answerability.judge("How much is the Fibre 5000 plan?", span, span).missing())
			.isEqualTo("the number 5000 is not in the passage");
		assertThat(this.answerability.judge("How much is the Fibre 2000 plan?", span, span).answers()).isTrue();
	}

	@Test
	void anAmountIsNeededWhenOneIsAskedFor() {
		String span = "You can take your broadband with you when you move house.";
		Answerability.Verdict verdict = this.answerability.judge("how much does moving my broadband cost", span, span);
		assertThat(verdict.answers()).isFalse();
		assertThat(verdict.missing()).isEqualTo("an amount is asked for and the passage has none");
	}

	@Test
	void aSimilarPassageOnAnotherTopicDoesNotAnswer() {
		String span = "We accept SEPA direct debit, cards, PayPal and bank transfer.";
		Answerability.Verdict verdict = this.answerability.judge("Can I pay my bill with Bitcoin at a shop?", span,
				span);
		assertThat(verdict.answers()).isFalse();
		assertThat(verdict.coverage()).isLessThan(0.5);
	}

	@Test
	void rejectsAnImpossibleCoverage() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Answerability(1.5))
			.withMessage("minCoverage must be between 0 and 1, got 1.5");
	}

}
