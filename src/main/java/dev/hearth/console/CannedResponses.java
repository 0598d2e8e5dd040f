package dev.hearth.console;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reusable replies. Their text may hold the placeholders {@code {customer}},
 * {@code {agent}} and {@code {conversation}}, filled in when an agent inserts one.
 * Thread-safe.
 */
@Component
class CannedResponses {

	private final JdbcClient jdbc;

	CannedResponses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Canned(long id, String title, String body, String language) {
	}

	List<Canned> all() {
		return this.jdbc.sql("select id, title, body, language from canned_response order by lower(title)")
			.query((rs, row) -> new Canned(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/**
	 * @throws DuplicateKeyException when another response has this title
	 */
	void add(String title, String body, String language, String author) {
		this.jdbc.sql("insert into canned_response (title, body, language, created_by) values (?, ?, ?, ?)")
			.param(title)
			.param(body)
			.param(language)
			.param(author)
			.update();
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from canned_response where id = ?").param(id).update() == 1;
	}

	/** The text with its placeholders filled in. */
	static String fill(String body, String customer, String agent, String conversation) {
		return body.replace("{customer}", customer).replace("{agent}", agent).replace("{conversation}", conversation);
	}

}
