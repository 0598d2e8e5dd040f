package dev.hearth.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hearth.privacy.AuditTrail;

/**
 * Re-seals every {@link ReEncryptable} table's rows under the active key in the
 * background: plaintext rows from before encryption and rows of an older key alike. A run
 * takes each table in batches of {@code hearth.crypto.rotation.batch-size} rows (one
 * transaction each, opened here around {@link ReEncryptable#reseal}; rows held by others
 * skipped, so replicas share the work), at most {@code batches-per-run} batches a table,
 * then pauses for {@code interval}; progress is the rows themselves, so a stopped run
 * resumes where it was. Each run that re-sealed something is audited
 * ({@code KEY_ROTATION_PASS}, counts only), and the moment no row is left under another
 * key too ({@code KEY_ROTATION_DONE}). Metrics: {@code hearth.crypto.resealed} (counter)
 * and {@code hearth.crypto.pending} (gauge), by table. Thread-safe; one run at a time per
 * replica.
 */
@Service
public class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private final List<ReEncryptable> tables;

	private final FieldCipher cipher;

	private final CryptoProperties.Rotation settings;

	private final AuditTrail audit;

	private final MeterRegistry meters;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ReentrantLock running = new ReentrantLock();

	private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

	private volatile Run last;

	private volatile boolean lastWasDone = true;

	KeyRotation(List<ReEncryptable> tables, FieldCipher cipher, CryptoProperties properties, AuditTrail audit,
			MeterRegistry meters, PlatformTransactionManager transactions) {
		this.tables = List.copyOf(tables);
		this.transactions = new TransactionTemplate(transactions);
		this.cipher = cipher;
		this.settings = properties.rotation();
		this.audit = audit;
		this.meters = meters;
		this.clock = Clock.systemUTC();
		for (ReEncryptable table : this.tables) {
			AtomicLong count = new AtomicLong(-1);
			this.pending.put(table.name(), count);
			Gauge.builder("hearth.crypto.pending", count, AtomicLong::get)
				.description("Rows not yet sealed with the active key (-1: not counted yet)")
				.tag("table", table.name())
				.register(meters);
		}
	}

	/**
	 * One finished run.
	 *
	 * @param started when it began
	 * @param millis how long it took
	 * @param resealed rows re-sealed, by table
	 * @param rowsPerSecond re-sealed rows per second of the run
	 */
	public record Run(Instant started, long millis, Map<String, Integer> resealed, double rowsPerSecond) {

		public int total() {
			return this.resealed.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	/**
	 * One table's state.
	 *
	 * @param name the table
	 * @param rowsByKey rows by key id ({@link ReEncryptable#PLAINTEXT}: not sealed yet)
	 * @param pending rows still to re-seal (plaintext or an older configured key)
	 * @param unreadable rows sealed with a key this replica does not have
	 */
	public record TableState(String name, Map<String, Long> rowsByKey, long pending, long unreadable) {
	}

	/**
	 * Where the rotation is.
	 *
	 * @param activeKey the key new values are sealed with
	 * @param keys the keys this replica can open with
	 * @param tables each table's rows by key
	 * @param done whether every row is sealed with the active key (older keys may go)
	 * @param running whether a run is going on now on this replica
	 * @param lastRun the last finished run on this replica, or {@code null}
	 */
	public record Status(String activeKey, List<String> keys, List<TableState> tables, boolean done, boolean running,
			Run lastRun) {

		public long pending() {
			return this.tables.stream().mapToLong(TableState::pending).sum();
		}

		public long total() {
			return this.tables.stream()
				.flatMap((t) -> t.rowsByKey().values().stream())
				.mapToLong(Long::longValue)
				.sum();
		}

	}

	/** The current progress, counted now. */
	public Status status() {
		String active = this.cipher.activeKey();
		List<TableState> states = new ArrayList<>();
		for (ReEncryptable table : this.tables) {
			Map<String, Long> byKey = table.rowsByKey();
			long pending = 0;
			long unreadable = 0;
			for (Map.Entry<String, Long> entry : byKey.entrySet()) {
				String key = entry.getKey();
				if (key.equals(ReEncryptable.PLAINTEXT)
						|| (!key.equals(active) && this.cipher.keyIds().contains(key))) {
					pending += entry.getValue();
				}
				else if (!this.cipher.keyIds().contains(key)) {
					unreadable += entry.getValue();
				}
			}
			this.pending.get(table.name()).set(pending);
			states.add(new TableState(table.name(), byKey, pending, unreadable));
		}
		boolean done = states.stream().allMatch((s) -> s.pending() == 0 && s.unreadable() == 0);
		return new Status(active, List.copyOf(this.cipher.keyIds()), states, done, this.running.isLocked(), this.last);
	}

	/**
	 * Says at start-up what is left to re-seal, and loudly if rows need a key this
	 * replica lacks.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void report() {
		try {
			Status status = status();
			status.tables()
				.stream()
				.filter((t) -> t.unreadable() > 0)
				.forEach((t) -> log.error(
						"{} rows of {} are sealed with keys this server does not have: {}. Add the "
								+ "missing keys to hearth.crypto (they cannot be read or re-sealed).",
						t.unreadable(), t.name(), t.rowsByKey().keySet()));
			if (status.pending() > 0) {
				log.info("Encryption at rest: {} rows are plaintext or sealed with an older key; the key rotation "
						+ "re-seals them with '{}' in the background", status.pending(), status.activeKey());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not count the rows to re-seal: {}", ex.getMessage());
		}
	}

	@Scheduled(fixedDelayString = "${hearth.crypto.rotation.interval:30s}", initialDelayString = "15s")
	void scheduled() {
		if (this.settings.enabled()) {
			try {
				run();
			}
			catch (RuntimeException ex) {
				log.error("Key rotation run failed; it resumes on the next run: {}", ex.getMessage());
			}
		}
	}

	/**
	 * Runs one bounded pass now (or waits for the one under way and returns it).
	 * @return what the pass did
	 */
	public Run run() {
		if (!this.running.tryLock()) {
			this.running.lock();
			this.running.unlock();
			return this.last;
		}
		try {
			return pass();
		}
		finally {
			this.running.unlock();
		}
	}

	private Run pass() {
		Instant started = this.clock.instant();
		long begin = System.nanoTime();
		String active = this.cipher.activeKey();
		Map<String, Integer> resealed = new LinkedHashMap<>();
		java.util.Set<String> older = new java.util.TreeSet<>(this.cipher.keyIds());
		older.remove(active);
		for (ReEncryptable table : this.tables) {
			int count = 0;
			for (int batch = 0; batch < this.settings.batchesPerRun(); batch++) {
				Integer done = this.transactions
					.execute((tx) -> table.reseal(active, older, this.settings.batchSize()));
				int n = (done != null) ? done : 0;
				count += n;
				if (n < this.settings.batchSize()) {
					break;
				}
			}
			resealed.put(table.name(), count);
			if (count > 0) {
				Counter.builder("hearth.crypto.resealed")
					.description("Rows re-sealed under the active key")
					.tag("table", table.name())
					.register(this.meters)
					.increment(count);
			}
		}
		long millis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
		int total = resealed.values().stream().mapToInt(Integer::intValue).sum();
		Run run = new Run(started, millis, Map.copyOf(resealed), total * 1000.0 / Math.max(1, millis));
		this.last = run;
		if (total == 0 && this.lastWasDone) {
			// nothing to do and nothing was left: no need to count every table again
			return run;
		}
		Status status = status();
		if (total > 0) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("activeKey", active);
			details.put("resealed", resealed);
			details.put("millis", millis);
			details.put("pending", status.pending());
			this.audit.record("KEY_ROTATION_PASS", "system", "encryption", details);
			log.info("Key rotation: {} rows re-sealed with key '{}' in {} ms, {} left", total, active, millis,
					status.pending());
		}
		if (status.done() && !this.lastWasDone) {
			this.audit.record("KEY_ROTATION_DONE", "system", "encryption",
					Map.of("activeKey", active, "rows", status.total()));
			log.info("Key rotation done: every row is sealed with key '{}'; older keys may be removed", active);
		}
		this.lastWasDone = status.done();
		return run;
	}

}
