package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small FAQ for fast tests: three entries with a handful of phrasings each, and
 * synthetic 384-dimensional "embeddings" clustered by entry (no embedding model needed).
 */
final class ToyFaq {

	static final int DIMENSIONS = 384;

	static final Map<String, List<String>> PHRASINGS = Map.of("track-order",
			List.of("where is my order", "track my parcel", "has my package shipped yet",
					"when will my delivery arrive", "I want to track my order", "wheres my parcel",
					"trackmyorder please", "status of my shipment", "my order has not arrived", "order tracking"),
			"reset-password",
			List.of("I forgot my password", "reset my password", "can't log in, lost password",
					"how do I change my password", "password reset link not working", "forgotten pasword",
					"I need a new password", "recover my login", "locked out of my account password", "passwrod reset"),
			"refund",
			List.of("I want my money back", "how do I get a refund", "refund for a broken item",
					"when will I be refunded", "return an item for a refund", "can I have a refund",
					"money back please", "refund status", "I was charged for a returned item", "refnud my order"));

	private ToyFaq() {
	}

	static List<TrainingExample> examples() {
		List<TrainingExample> examples = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(7);
		for (String label : List.of("track-order", "reset-password", "refund")) {
			float[] centre = centre(label);
			for (String text : PHRASINGS.get(label)) {
				examples.add(new TrainingExample(label, text, near(centre, random)));
			}
		}
		return examples;
	}

	/** Topics of {@link #wideExamples()}. */
	static final List<String> TOPICS = List.of("delivery", "password", "refund", "invoice", "warranty", "coupon",
			"address", "newsletter");

	/**
	 * Eight entries of twelve phrasings each ("how do I ... my delivery"), vectors near
	 * each entry's cluster: enough entries for the twin to leave some out.
	 */
	static List<TrainingExample> wideExamples() {
		List<String> asks = List.of("how do I change my", "question about my", "problem with my", "help with the",
				"what about my", "I need my", "where is the", "can you check my", "issue with", "tell me about the",
				"something wrong with my", "need info on my");
		List<TrainingExample> examples = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(11);
		for (String topic : TOPICS) {
			float[] centre = centre(topic);
			for (String ask : asks) {
				examples.add(new TrainingExample(topic, ask + " " + topic, near(centre, random)));
			}
		}
		return examples;
	}

	/** A vector near the entry's cluster, as an in-scope question would have. */
	static float[] near(String label, long seed) {
		return near(centre(label), new SplittableRandom(seed));
	}

	static float[] random(long seed) {
		return gaussian(new SplittableRandom(seed));
	}

	private static float[] centre(String label) {
		return gaussian(new SplittableRandom(label.hashCode()));
	}

	private static float[] near(float[] centre, SplittableRandom random) {
		float[] noise = gaussian(random);
		float[] v = new float[DIMENSIONS];
		for (int d = 0; d < DIMENSIONS; d++) {
			v[d] = centre[d] + 0.6f * noise[d];
		}
		return VectorMath.normalize(v);
	}

	private static float[] gaussian(SplittableRandom random) {
		float[] v = new float[DIMENSIONS];
		for (int d = 0; d < DIMENSIONS; d++) {
			double u1 = random.nextDouble(1e-12, 1);
			double u2 = random.nextDouble();
			v[d] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
		}
		return VectorMath.normalize(v);
	}

	/** Fast settings for tests: few epochs, one thread. */
	static RouterSettings settings() {
		return RouterSettings.defaults().withEpochs(8).withThreads(1);
	}

}
