package dev.hearth.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BusinessHoursTest {

	private final BusinessHours hours = new BusinessHours(true, "Europe/Berlin",
			List.of("MON-FRI 08:00-18:00", "SAT 09:00-13:00"), List.of(LocalDate.parse("2026-12-25")), false);

	@Test
	void openOnlyInsideTheHoursInTheirZone() {
		// Monday 2026-11-23: 08:00 in Berlin is 07:00 UTC
		assertThat(this.hours.isOpen(Instant.parse("2026-11-23T06:59:00Z"))).isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-11-23T07:00:00Z"))).isTrue();
		assertThat(this.hours.isOpen(Instant.parse("2026-11-23T16:59:00Z"))).isTrue();
		assertThat(this.hours.isOpen(Instant.parse("2026-11-23T17:00:00Z"))).isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-11-28T10:00:00Z"))).as("Saturday morning").isTrue();
		assertThat(this.hours.isOpen(Instant.parse("2026-11-29T10:00:00Z"))).as("Sunday").isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-12-25T10:00:00Z"))).as("holiday").isFalse();
	}

	@Test
	void disabledMeansAlwaysOpenAndMidnightIsExpressible() {
		assertThat(BusinessHours.always().isOpen(Instant.parse("2026-11-29T03:00:00Z"))).isTrue();
		BusinessHours allDay = new BusinessHours(true, "UTC", List.of("MON-SUN 00:00-24:00"), List.of(), false);
		assertThat(allDay.isOpen(Instant.parse("2026-11-29T23:59:59Z"))).isTrue();
	}

	@Test
	void malformedHoursAreRefusedWithTheExpectedForm() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessHours(true, "UTC", List.of("weekdays 9-5"), List.of(), false))
			.withMessageContaining("'weekdays 9-5' is not of the form 'MON-FRI 08:00-18:00'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessHours(true, "UTC", List.of("FRI-MON 08:00-18:00"), List.of(), false))
			.withMessageContaining("runs backwards");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessHours(true, "UTC", List.of("MON 18:00-08:00"), List.of(), false))
			.withMessageContaining("closes before it opens");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessHours(true, "Mars/Olympus", List.of("MON 08:00-18:00"), List.of(), false))
			.withMessageContaining("not a time zone");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessHours(true, "UTC", List.of(), List.of(), false))
			.withMessageContaining("no opening hours");
	}

}
