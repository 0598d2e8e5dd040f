package dev.hearth.assistant;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Settings admins change at run time, kept in PostgreSQL with who changed them.
 * Thread-safe.
 */
@Repository
class AssistantSettings {

	/**
	 * The FAQ matcher's threshold as calibrated by an admin. A new key since hybrid
	 * matching (ADR 0009): a threshold saved for the router's probability
	 * ({@code router.threshold}) or for the nearest-phrasing similarity
	 * ({@code router.similarityThreshold}) does not carry over to the fused score, nor
	 * one for the fused score ({@code router.matchThreshold}) to the acceptance model's
	 * probability (ADR 0017).
	 */
	static final String ROUTER_THRESHOLD = "router.acceptThreshold";

	private final JdbcClient jdbc;

	AssistantSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> get(String key) {
		List<String> values = this.jdbc.sql("select value from assistant_setting where key = ?")
			.param(key)
			.query(String.class)
			.list();
		return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
	}

	void put(String key, String value, String by) {
		this.jdbc
			.sql("""
					insert into assistant_setting (key, value, updated_by) values (?, ?, ?)
					on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()
					""")
			.param(key)
			.param(value)
			.param(by)
			.update();
	}

}
