package dev.hearth.system;

/**
 * Where Hearth's PostgreSQL is, and the embedded server behind it when Hearth started one
 * itself.
 *
 * @param url JDBC URL of Hearth's database
 * @param username database user
 * @param password database password, may be empty
 * @param embedded the embedded server to stop on shutdown, or {@code null} (typed as
 * {@link AutoCloseable}: the packaged jar does not ship the embedded PostgreSQL's
 * classes)
 */
record DatabaseLocation(String url, String username, String password, AutoCloseable embedded) implements AutoCloseable {

	@Override
	public void close() {
		if (this.embedded != null) {
			try {
				this.embedded.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not stop the embedded PostgreSQL", ex);
			}
		}
	}

}
