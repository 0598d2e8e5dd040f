package dev.hearth.console.analytics;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DateRangeTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Test
	void defaultsToTheLastThirtyDays() {
		DateRange range = DateRange.parse(null, "", TODAY);
		assertThat(range).isEqualTo(new DateRange(LocalDate.of(2026, 10, 24), TODAY));
		assertThat(range.days()).isEqualTo(30);
		assertThat(range.start()).hasToString("2026-10-24T00:00:00Z");
		assertThat(range.end()).hasToString("2026-11-23T00:00:00Z");
	}

	@Test
	void saysWhichDateIsNotADate() {
		assertThatIllegalArgumentException().isThrownBy(() -> DateRange.parse("1.11.2026", null, TODAY))
			.withMessage("from must be a date like 2026-11-01, got '1.11.2026'");
	}

	@Test
	void refusesABackwardsOrTooLongRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> DateRange.parse("2026-11-05", "2026-11-01", TODAY))
			.withMessage("from (2026-11-05) must not be after to (2026-11-01)");
		assertThatIllegalArgumentException().isThrownBy(() -> DateRange.parse("2024-01-01", "2026-11-01", TODAY))
			.withMessage("the range from 2024-01-01 to 2026-11-01 has 1036 days; choose at most 366");
	}

}
