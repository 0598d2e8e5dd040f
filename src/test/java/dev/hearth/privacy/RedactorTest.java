package dev.hearth.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

	private final Redactor redactor = new Redactor(
			StandardDetectors.all(StandardDetectors.DEFAULT_CUSTOMER_NUMBER, StandardDetectors.DEFAULT_ORDER_NUMBER));

	@Test
	void theSameValueGetsTheSamePlaceholderAndAnswersAreRestored() {
		Redaction redaction = this.redactor.redact(
				"Mail jane@example.com or JANE@example.com, card 4111 1111 1111 1111, phone +44 20 7946 0958",
				EnumSet.allOf(PiiClass.class));
		assertThat(redaction.text()).isEqualTo("Mail [EMAIL_1] or [EMAIL_1], card [PAYMENT_CARD_1], phone [PHONE_1]");
		assertThat(redaction.counts()).containsEntry(PiiClass.EMAIL, 1).containsEntry(PiiClass.PAYMENT_CARD, 1);
		assertThat(redaction.restore("We wrote to [EMAIL_1] about the card [PAYMENT_CARD_1]."))
			.isEqualTo("We wrote to jane@example.com about the card 4111 1111 1111 1111.");
	}

	@Test
	void onlyTheChosenClassesAreRedacted() {
		Redaction redaction = this.redactor.redact("jane@example.com, order ORD-884422", EnumSet.of(PiiClass.EMAIL));
		assertThat(redaction.text()).isEqualTo("[EMAIL_1], order ORD-884422");
	}

	@Test
	void checksumsTellRealNumbersFromLookAlikes() {
		assertThat(Checksums.luhn("4111 1111 1111 1111")).isTrue();
		assertThat(Checksums.luhn("4111 1111 1111 1112")).isFalse();
		assertThat(Checksums.iban("GB82 WEST 1234 5698 7654 32")).isTrue();
		assertThat(Checksums.iban("GB83 WEST 1234 5698 7654 32")).isFalse();
		assertThat(Checksums.bsn("111222333")).isTrue();
		assertThat(Checksums.bsn("111222334")).isFalse();
	}

	/**
	 * Precision and recall per class on a labelled set of customer messages (recall of at
	 * least 0.99 on cards, IBANs and emails; the per-class figures are in
	 * docs/benchmarks.md).
	 */
	@Test
	void precisionAndRecallOnTheLabelledMessages() throws IOException {
		Map<PiiClass, int[]> counts = new EnumMap<>(PiiClass.class);
		for (PiiClass kind : PiiClass.values()) {
			counts.put(kind, new int[3]);
		}
		for (JsonNode message : labelled()) {
			String text = message.get("text").asString();
			List<PiiMatch> found = new ArrayList<>(this.redactor.find(text));
			for (JsonNode pii : message.get("pii")) {
				PiiClass kind = PiiClass.valueOf(pii.get("class").asString());
				int start = text.indexOf(pii.get("value").asString());
				int end = start + pii.get("value").asString().length();
				PiiMatch hit = found.stream()
					.filter((m) -> m.kind() == kind && m.start() <= start + 1 && m.end() >= end - 1)
					.findFirst()
					.orElse(null);
				if (hit != null) {
					counts.get(kind)[0]++;
					found.remove(hit);
				}
				else {
					counts.get(kind)[2]++;
				}
			}
			found.forEach((m) -> counts.get(m.kind())[1]++);
		}
		StringBuilder table = new StringBuilder("class            precision  recall  (tp fp fn)\n");
		counts.forEach((kind, c) -> table.append(String.format("%-16s %9.3f %7.3f  (%d %d %d)%n", kind,
				ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]), c[0], c[1], c[2])));
		System.out.println(table);
		for (PiiClass kind : EnumSet.of(PiiClass.PAYMENT_CARD, PiiClass.IBAN, PiiClass.EMAIL)) {
			int[] c = counts.get(kind);
			assertThat(ratio(c[0], c[0] + c[2])).as(kind + " recall\n" + table).isGreaterThanOrEqualTo(0.99);
			assertThat(ratio(c[0], c[0] + c[1])).as(kind + " precision\n" + table).isGreaterThanOrEqualTo(0.99);
		}
	}

	private static double ratio(int part, int whole) {
		return (whole == 0) ? 1.0 : (double) part / whole;
	}

	private static List<JsonNode> labelled() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> messages = new ArrayList<>();
		try (InputStream in = RedactorTest.class.getResourceAsStream("/privacy/labelled-messages.jsonl")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					messages.add(json.readTree(line));
				}
			}
		}
		return messages;
	}

}
