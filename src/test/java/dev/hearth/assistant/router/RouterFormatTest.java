package dev.hearth.assistant.router;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RouterFormatTest {

	static TrainedRouter router;

	static byte[] bytes;

	@BeforeAll
	static void train() {
		router = new RouterTrainer(ToyFaq.settings()).train(ToyFaq.examples());
		bytes = router.serialize();
	}

	@Test
	void roundTripGivesIdenticalPredictions() {
		TrainedRouter copy = TrainedRouter.deserialize(bytes);
		assertThat(copy.labels()).isEqualTo(router.labels());
		assertThat(copy.suggestedThreshold()).isEqualTo(router.suggestedThreshold());
		assertThat(copy.checks()).isEqualTo(router.checks());
		for (int i = 0; i < 30; i++) {
			String text = ToyFaq.PHRASINGS.get("refund").get(i % 10) + " " + i;
			float[] vector = (i % 2 == 0) ? ToyFaq.random(i) : ToyFaq.near("track-order", i);
			assertThat(copy.predict(text, vector)).isEqualTo(router.predict(text, vector));
			assertThat(copy.probabilities(text, vector)).isEqualTo(router.probabilities(text, vector));
		}
		assertThat(copy.serialize()).isEqualTo(bytes);
	}

	@Test
	void refusesWhatIsNotARouter() {
		assertThatNullPointerException().isThrownBy(() -> TrainedRouter.deserialize(null))
			.withMessage("bytes must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> TrainedRouter.deserialize(new byte[3]))
			.withMessage("not a Hearth FAQ router: 3 bytes is too short");
		byte[] other = Arrays.copyOf(bytes, bytes.length);
		other[0] = 'X';
		assertThatIllegalArgumentException().isThrownBy(() -> TrainedRouter.deserialize(other))
			.withMessage("not a Hearth FAQ router: the data does not start with HRTR");
	}

	@Test
	void refusesAnUnknownVersion() {
		byte[] future = Arrays.copyOf(bytes, bytes.length);
		ByteBuffer.wrap(future).putInt(4, 3);
		assertThatIllegalArgumentException().isThrownBy(() -> TrainedRouter.deserialize(future))
			.withMessage("unsupported FAQ router format version 3; this version of Hearth reads version 2:"
					+ " retrain the router");
	}

	@Test
	void refusesTheFirstVersion() {
		byte[] first = Arrays.copyOf(bytes, bytes.length);
		ByteBuffer.wrap(first).putInt(4, 1);
		assertThatIllegalArgumentException().isThrownBy(() -> TrainedRouter.deserialize(first))
			.withMessage("unsupported FAQ router format version 1; this version of Hearth reads version 2:"
					+ " retrain the router");
	}

	@Test
	void refusesDamagedOrTruncatedData() {
		byte[] damaged = Arrays.copyOf(bytes, bytes.length);
		damaged[bytes.length / 2] ^= 0x10;
		assertThatIllegalArgumentException().isThrownBy(() -> TrainedRouter.deserialize(damaged))
			.withMessage("the FAQ router data is damaged (checksum mismatch): retrain the router");
		byte[] truncated = Arrays.copyOf(bytes, bytes.length - 100);
		assertThatIllegalArgumentException().isThrownBy(() -> TrainedRouter.deserialize(truncated))
			.withMessageStartingWith("the FAQ router data is damaged");
	}

}
