package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NeighboursTest {

	private static final FaqEntry JOIN = entry("porting-keep-number", "Can I keep my mobile number when I join?",
			"Yes. Give us the porting code from your current provider.");

	private static final FaqEntry LEAVE = entry("porting-leave-code",
			"How do I get a porting code to move my number to another provider?",
			"Request it in the app under Leave and keep my number.");

	private static FaqEntry entry(String id, String question, String answer) {
		return new FaqEntry(id, question, List.of(), answer, "en", Map.of("audience", List.of("customer")));
	}

	/** A toy embedding: joining, leaving, and the number. */
	private static float[] embed(String text) {
		String t = text.toLowerCase(Locale.ROOT);
		return new float[] { count(t, "join", "current provider", "to you"), count(t, "leave", "another provider"),
				count(t, "number") * 0.5f };
	}

	private static float count(String text, String... words) {
		float n = 0;
		for (String word : words) {
			n += text.contains(word) ? 1 : 0;
		}
		return n;
	}

	private static Optional<FaqEntry> lookup(String id) {
		return Optional.ofNullable(Map.of(JOIN.id(), JOIN, LEAVE.id(), LEAVE).get(id));
	}

	private final Neighbours neighbours = new Neighbours(NeighboursTest::lookup, NeighboursTest::embed, 0.5, 0.2);

	@Test
	void theRunnerUpWhoseOwnTextsAreClearlyCloserIsRankedFirst() {
		List<Answer.Candidate> ranked = List.of(new Answer.Candidate(LEAVE.id(), 0.46),
				new Answer.Candidate(JOIN.id(), 0.32));
		List<Answer.Candidate> settled = this.neighbours.settle(embed("keep my number if I switch to you"), ranked);
		assertThat(settled).extracting(Answer.Candidate::faqId).containsExactly(JOIN.id(), LEAVE.id());
		assertThat(settled).extracting(Answer.Candidate::probability).containsExactly(0.46, 0.32);
	}

	@Test
	void theRoutersRankingStandsFarFromATieOrWhenItsBestIsAsClose() {
		float[] toUs = embed("keep my number if I switch to you");
		List<Answer.Candidate> farApart = List.of(new Answer.Candidate(LEAVE.id(), 0.9),
				new Answer.Candidate(JOIN.id(), 0.05));
		assertThat(this.neighbours.settle(toUs, farApart)).isSameAs(farApart);
		List<Answer.Candidate> leaving = List.of(new Answer.Candidate(LEAVE.id(), 0.46),
				new Answer.Candidate(JOIN.id(), 0.32));
		assertThat(this.neighbours.settle(embed("I leave, can I keep my number"), leaving)).isSameAs(leaving);
		assertThat(this.neighbours.settle(new float[0], leaving)).isSameAs(leaving);
		assertThat(this.neighbours.settle(toUs, leaving.subList(0, 1))).hasSize(1);
	}

	@Test
	void theShareMustBePositiveAndAtMostOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Neighbours(NeighboursTest::lookup, NeighboursTest::embed, 0, 0.2))
			.withMessage("minShare must be above 0 and at most 1, got 0.0");
	}

}
