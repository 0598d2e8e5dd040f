package dev.hearth.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SharedBuckets;

/**
 * Sign-in throttling across two replicas, per replica (in memory) against shared
 * (PostgreSQL): how many wrong passwords an attacker alternating between the two gets
 * before the account is locked, and what one failed attempt costs (check, count, lock
 * test) in each mode. Run with
 * {@code mvn test -Dtest=SignInSharingBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * writes {@code target/bench/sign-in-sharing.txt}.
 */
@SpringBootTest
@ActiveProfiles("test")
class SignInSharingBenchmark {

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 400);

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void lockAcrossReplicasAndCostPerAttempt() throws Exception {
		this.jdbc.sql("delete from rate_limit_bucket where id like 'sign-in:%'").update();
		SignInProperties local = new SignInProperties(5, 20, java.time.Duration.ofMinutes(15), 100_000, false);
		SignInProperties shared = new SignInProperties(5, 20, java.time.Duration.ofMinutes(15), 100_000, true);
		StringBuilder report = new StringBuilder();
		report.append(lock("per replica (memory)", new SignInThrottle(local, TimeMeter.SYSTEM_MILLISECONDS),
				new SignInThrottle(local, TimeMeter.SYSTEM_MILLISECONDS)));
		report.append(lock("shared (PostgreSQL)",
				new SignInThrottle(shared, TimeMeter.SYSTEM_MILLISECONDS, new SharedBuckets(this.dataSource)),
				new SignInThrottle(shared, TimeMeter.SYSTEM_MILLISECONDS, new SharedBuckets(this.dataSource))));
		report.append(cost("per replica (memory)", new SignInThrottle(local, TimeMeter.SYSTEM_MILLISECONDS)));
		report.append(cost("shared (PostgreSQL)",
				new SignInThrottle(shared, TimeMeter.SYSTEM_MILLISECONDS, new SharedBuckets(this.dataSource))));
		this.jdbc.sql("delete from rate_limit_bucket where id like 'sign-in:%'").update();
		System.out.print(report);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/sign-in-sharing.txt"), report);
	}

	/**
	 * Wrong passwords, alternating between two replicas, until the account is refused.
	 */
	private static String lock(String mode, SignInThrottle a, SignInThrottle b) {
		String account = "bench-" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
		int wrong = 0;
		for (int i = 0; i < 100; i++) {
			SignInThrottle replica = (i % 2 == 0) ? a : b;
			if (replica.attempt(account, "10.9.0." + (i % 250)).isPresent()) {
				break;
			}
			replica.failed(account, "10.9.0." + (i % 250));
			wrong++;
		}
		return String.format(Locale.ROOT, "%s: %d wrong passwords checked across two replicas before the lock%n", mode,
				wrong);
	}

	/** One failed attempt: the lock check, the per-minute take, the two failure takes. */
	private static String cost(String mode, SignInThrottle throttle) {
		for (int i = 0; i < 50; i++) {
			throttle.attempt("warm-" + i, "10.8.0.1");
		}
		long t0 = System.nanoTime();
		for (int i = 0; i < ROUNDS; i++) {
			String account = "cost-" + i;
			String address = "10.7." + (i / 250) + "." + (i % 250);
			throttle.attempt(account, address);
			throttle.failed(account, address);
		}
		double ms = (System.nanoTime() - t0) / 1e6 / ROUNDS;
		return String.format(Locale.ROOT, "%s: %.2f ms per failed attempt (%d attempts)%n", mode, ms, ROUNDS);
	}

}
