package dev.hearth.console.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the analytics page shows for a date range. Days are calendar days in UTC; a
 * conversation counts on the day it started, an answer or a rating on the day it was
 * given. Only conversations in which the customer wrote at least once count.
 *
 * @param range the days covered
 * @param days one row per day, in order, including days with nothing
 * @param totals the whole range
 * @param escalationsByRule handoffs per escalation rule, most frequent first
 * @param waitBuckets handoffs by how long the customer waited for an agent to claim
 * @param csat ratings 1 to 5 and how many customers gave each
 */
record AnalyticsReport(DateRange range, List<Day> days, Totals totals, List<Count> escalationsByRule,
		List<Count> waitBuckets, List<Count> csat) {

	/**
	 * One day's figures.
	 *
	 * @param day the day
	 * @param conversations conversations started
	 * @param botResolved of these, never handed to a person
	 * @param handedOff of these, handed to a person
	 * @param medianWaitSeconds median time from handoff to claim, or {@code null}
	 * @param answers answers given by the bot
	 * @param latencyP50Millis median answer time, or {@code null}
	 * @param latencyP90Millis 90th percentile answer time, or {@code null}
	 * @param thumbsUp answers rated helpful
	 * @param thumbsDown answers rated unhelpful
	 * @param csatAverage average satisfaction rating, or {@code null}
	 * @param csatResponses satisfaction ratings given
	 */
	record Day(LocalDate day, long conversations, long botResolved, long handedOff, Double medianWaitSeconds,
			long answers, Double latencyP50Millis, Double latencyP90Millis, long thumbsUp, long thumbsDown,
			Double csatAverage, long csatResponses) {

		/** Share of the day's conversations the bot resolved, 0 to 1, or {@code null}. */
		public Double deflection() {
			return (this.conversations == 0) ? null : (double) this.botResolved / this.conversations;
		}

	}

	/**
	 * Figures for the whole range.
	 *
	 * @param conversations conversations started
	 * @param botResolved never handed to a person
	 * @param handedOff handed to a person
	 * @param answers answers given by the bot
	 * @param latencyP50Millis median answer time, or {@code null}
	 * @param latencyP90Millis 90th percentile answer time, or {@code null}
	 * @param medianWaitSeconds median time from handoff to claim, or {@code null}
	 * @param thumbsUp answers rated helpful
	 * @param thumbsDown answers rated unhelpful
	 * @param csatAverage average satisfaction rating, or {@code null}
	 * @param csatResponses satisfaction ratings given
	 */
	record Totals(long conversations, long botResolved, long handedOff, long answers, Double latencyP50Millis,
			Double latencyP90Millis, Double medianWaitSeconds, long thumbsUp, long thumbsDown, Double csatAverage,
			long csatResponses) {

		/** Share of conversations the bot resolved, 0 to 1, or {@code null}. */
		public Double deflection() {
			return (this.conversations == 0) ? null : (double) this.botResolved / this.conversations;
		}

	}

	/**
	 * A labelled count.
	 *
	 * @param label what is counted (a rule, a bucket key, a rating)
	 * @param count how many
	 */
	record Count(String label, long count) {
	}

}
