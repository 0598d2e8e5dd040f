package dev.hearth.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.privacy.Redactor;
import dev.hearth.privacy.StandardDetectors;

/**
 * What encryption at rest adds to one stored message, without a database: sealing and
 * opening with AES-256-GCM and computing its search tokens (PII detection, normalisation,
 * one HMAC per distinct word), in microseconds per message, for a short customer question
 * and a long answer. Run with
 * {@code mvn test -Dtest=EncryptionCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.iterations=20000}); writes {@code target/bench/encryption-cost.txt}.
 */
class EncryptionCostBenchmark {

	private static final int ITERATIONS = Integer.getInteger("bench.iterations", 20_000);

	private static final String QUESTION = "Hi, my card 4242 4242 4242 4242 was charged twice for order ORD-123456, "
			+ "can you refund it? ann.smith@example.com";

	private static final String ANSWER = "Refunds reach your account within 5 working days after we receive the "
			+ "returned item. If you paid by card, the money goes back to the same card; for bank transfers we use "
			+ "the account you paid from. You can follow the refund in your account under Orders > Returns. If "
			+ "nothing has arrived after 10 working days, please contact us again with your order number and we "
			+ "will check with the payment provider. Partial refunds are possible when only some items are returned.";

	@Test
	void costPerMessage() throws Exception {
		FieldCipher cipher = new FieldCipher(new KeyRing(Map.of("k1", FieldCipherTest.K1), null, "bench"));
		Redactor redactor = new Redactor(StandardDetectors.all("(?i)\\b(?:CUST|CU|NW)[- ]?\\d{6,10}\\b",
				"(?i)\\b(?:ORD|ORDER)[- #]{0,2}\\d{5,12}\\b"));
		SearchTokens tokens = new SearchTokens(redactor, cipher);
		StringBuilder report = new StringBuilder();
		for (String[] sample : new String[][] { { "question (" + QUESTION.length() + " chars)", QUESTION },
				{ "answer (" + ANSWER.length() + " chars)", ANSWER } }) {
			String text = sample[1];
			String sealed = cipher.seal("k1", text, "conversation_message.text/x/1");
			for (int i = 0; i < ITERATIONS; i++) {
				cipher.open("k1", cipher.seal("k1", text, "c/" + i), "c/" + i);
				tokens.tokens("k1", text);
			}
			long t0 = System.nanoTime();
			for (int i = 0; i < ITERATIONS; i++) {
				cipher.seal("k1", text, "conversation_message.text/x/1");
			}
			long t1 = System.nanoTime();
			for (int i = 0; i < ITERATIONS; i++) {
				cipher.open("k1", sealed, "conversation_message.text/x/1");
			}
			long t2 = System.nanoTime();
			int words = 0;
			for (int i = 0; i < ITERATIONS; i++) {
				words = tokens.tokens("k1", text).length;
			}
			long t3 = System.nanoTime();
			for (int i = 0; i < ITERATIONS; i++) {
				redactor.find(text);
			}
			long t4 = System.nanoTime();
			String line = String.format(Locale.ROOT,
					"%s: seal %.1f µs, open %.1f µs, %d tokens %.1f µs (of which PII detection %.1f µs)%n", sample[0],
					(t1 - t0) / 1000.0 / ITERATIONS, (t2 - t1) / 1000.0 / ITERATIONS, words,
					(t3 - t2) / 1000.0 / ITERATIONS, (t4 - t3) / 1000.0 / ITERATIONS);
			report.append(line);
		}
		System.out.print(report);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/encryption-cost.txt"), report);
	}

}
