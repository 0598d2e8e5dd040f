package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;

import static org.assertj.core.api.Assertions.assertThat;

class DirectionCuesTest {

	private static final DirectionCues.Axis MEMBERSHIP = DirectionCues.AXES.get(0);

	private static final DirectionCues.Axis MONEY = DirectionCues.AXES.get(1);

	static final FaqEntry JOIN = new FaqEntry("keep-number", "Can I keep my mobile number when I join?",
			List.of("transfer my number from another network", "where do I enter my porting code",
					"bring my old number"),
			"Yes. Give us the code from your current provider.", "en", Map.of("audience", List.of("customer")));

	static final FaqEntry LEAVE = new FaqEntry("leave-code",
			"How do I get a porting code to move my number to another provider?",
			List.of("leaving and want to keep my number", "porting code please", "switch my number to another network"),
			"Text PORT to 2580; give the code to your new provider.", "en", Map.of("audience", List.of("customer")));

	@Test
	void anEntrysSideIsTheOneItsPhrasingsName() {
		assertThat(DirectionCues.ofEntry(MEMBERSHIP, JOIN)).isEqualTo(DirectionCues.Side.FIRST);
		assertThat(DirectionCues.ofEntry(MEMBERSHIP, LEAVE)).isEqualTo(DirectionCues.Side.SECOND);
		assertThat(DirectionCues.ofEntry(MONEY, JOIN)).isEqualTo(DirectionCues.Side.NONE);
	}

	@Test
	void aPhraseOfTheFirstSideIsNotReadAsTheSecond() {
		// "another network" points away, "from another network" towards the company
		assertThat(DirectionCues.ofQuestion(MEMBERSHIP, "I'm switching to you from another network"))
			.isEqualTo(DirectionCues.Side.FIRST);
		assertThat(DirectionCues.ofQuestion(MEMBERSHIP, "how do I move my number away from you"))
			.isEqualTo(DirectionCues.Side.SECOND);
	}

	@Test
	void aQuestionThatNamesBothSidesOrNeitherHasNone() {
		assertThat(DirectionCues.ofQuestion(MEMBERSHIP, "I joined last year and now I'm leaving"))
			.isEqualTo(DirectionCues.Side.NONE);
		assertThat(DirectionCues.ofQuestion(MEMBERSHIP, "porting code")).isEqualTo(DirectionCues.Side.NONE);
	}

	@Test
	void moneyBackIsTheOtherWayFromPayingUs() {
		assertThat(DirectionCues.ofQuestion(MONEY, "how do I pay you what I owe")).isEqualTo(DirectionCues.Side.FIRST);
		assertThat(DirectionCues.ofQuestion(MONEY, "how do you pay the money back to me"))
			.isEqualTo(DirectionCues.Side.SECOND);
	}

	@Test
	void theQuestionContradictsTheBestEntryWhenItNamesTheRunnerUpsSide() {
		assertThat(DirectionCues.contradicts("I'm switching to you and don't want a new phone number", LEAVE, JOIN))
			.contains(MEMBERSHIP);
		assertThat(DirectionCues.contradicts("I'm leaving, can I keep my number", LEAVE, JOIN)).isEmpty();
		assertThat(DirectionCues.contradicts("porting code", LEAVE, JOIN)).isEmpty();
	}

	@Test
	void aRunnerUpWithoutASideIsNeverBroughtForward() {
		FaqEntry cancel = new FaqEntry("cancel", "How do I cancel my contract?", List.of("cancel my broadband"),
				"Online.", "en", Map.of());
		assertThat(DirectionCues.contradicts("how do I bring my number over to you", LEAVE, cancel)).isEmpty();
	}

}
