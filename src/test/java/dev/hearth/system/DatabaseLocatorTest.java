package dev.hearth.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseLocatorTest {

	@Test
	void aConfiguredUrlWins() {
		DatabaseLocation location = locator(1, true).locate("jdbc:postgresql://db.internal:5432/hearth", "hearth",
				"secret");
		assertThat(location.url()).isEqualTo("jdbc:postgresql://db.internal:5432/hearth");
		assertThat(location.embedded()).isNull();
	}

	@Test
	void aServerAnsweringOnTheLocalPortIsUsed() throws IOException {
		try (ServerSocket server = new ServerSocket(0)) {
			DatabaseLocation location = locator(server.getLocalPort(), true).locate("", "postgres", "");
			assertThat(location.url()).isEqualTo("jdbc:postgresql://localhost:" + server.getLocalPort() + "/hearth");
			assertThat(location.embedded()).isNull();
		}
	}

	@Test
	void asRootWithNoServerItSaysWhatToDoInOneLine() throws IOException {
		int closedPort = closedPort();
		assertThatThrownBy(() -> locator(closedPort, true).locate(null, "postgres", ""))
			.isInstanceOf(DatabaseUnavailableException.class)
			.hasMessage("No PostgreSQL answers on localhost:" + closedPort
					+ ", and the embedded PostgreSQL cannot start because Hearth runs as root (PostgreSQL refuses root).")
			.satisfies((ex) -> assertThat(((DatabaseUnavailableException) ex).action()).isEqualTo(
					"Start PostgreSQL (on Debian: pg_ctlcluster 15 main start), set HEARTH_DB_URL, or run Hearth as a non-root user."));
	}

	@Test
	void withTheEmbeddedFallbackTurnedOffItSaysSo() throws IOException {
		int closedPort = closedPort();
		SystemProperties properties = new SystemProperties(Path.of("data"),
				new SystemProperties.Database("localhost", closedPort, "hearth", false, 4));
		assertThatThrownBy(() -> new DatabaseLocator(properties, false).locate(null, "postgres", ""))
			.hasMessageContaining("embedded-when-unavailable is false");
	}

	@Test
	void withoutTheEmbeddedServerInTheBuildItSaysWhatToSet() throws IOException {
		int closedPort = closedPort();
		SystemProperties properties = new SystemProperties(Path.of("data"),
				new SystemProperties.Database("localhost", closedPort, "hearth", true, 4));
		assertThatThrownBy(() -> new DatabaseLocator(properties, false, false).locate(null, "postgres", ""))
			.hasMessageContaining("this build has no embedded PostgreSQL")
			.satisfies((ex) -> assertThat(((DatabaseUnavailableException) ex).action())
				.isEqualTo("Start PostgreSQL on localhost:" + closedPort
						+ " or set HEARTH_DB_URL to your database's JDBC URL."));
	}

	private static DatabaseLocator locator(int port, boolean root) {
		return new DatabaseLocator(new SystemProperties(Path.of("data"),
				new SystemProperties.Database("localhost", port, "hearth", true, 4)), root);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
