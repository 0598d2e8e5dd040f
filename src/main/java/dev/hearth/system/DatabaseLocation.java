package dev.hearth.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Where Hearth's PostgreSQL is, and the embedded server behind it when Hearth started one
 * itself.
 *
 * @param url JDBC URL of Hearth's database
 * @param username database user
 * @param password database password, may be empty
 * @param embedded the embedded server to stop on shutdown, or {@code null}
 */
record DatabaseLocation(String url, String username, String password,
		EmbeddedPostgres embedded) implements AutoCloseable {

	@Override
	public void close() {
		if (this.embedded != null) {
			try {
				this.embedded.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not stop the embedded PostgreSQL", ex);
			}
		}
	}

}
