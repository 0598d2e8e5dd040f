package dev.hearth.assistant;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PerRevisionTest {

	@Test
	void aValueIsComputedAgainOnlyWhenTheRevisionChanges() {
		AtomicLong revision = new AtomicLong(1);
		AtomicInteger computed = new AtomicInteger();
		PerRevision<Integer> value = new PerRevision<>(revision::get, computed::incrementAndGet);
		assertThat(value.get()).isEqualTo(1);
		assertThat(value.get()).isEqualTo(1);
		revision.set(2);
		assertThat(value.get()).isEqualTo(2);
		assertThat(computed).hasValue(2);
	}

}
