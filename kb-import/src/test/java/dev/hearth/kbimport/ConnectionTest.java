package dev.hearth.kbimport;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionTest {

	@TempDir
	Path home;

	@Test
	void defaultsToTheLocalServerAndItsTokenFile() throws IOException {
		Files.createDirectories(this.home.resolve(".hearth"));
		Files.writeString(this.home.resolve(".hearth/admin-token"), "local-token\n");
		Connection connection = Connection.resolve(null, null, environment(Map.of()));
		assertThat(connection.server()).isEqualTo(URI.create("http://localhost:8080"));
		assertThat(connection.token()).isEqualTo("local-token");
		assertThat(connection.toString()).doesNotContain("local-token");
	}

	@Test
	void hearthDataMovesTheTokenFile() throws IOException {
		Path data = Files.createDirectories(this.home.resolve("data"));
		Files.writeString(data.resolve("admin-token"), "data-token");
		Connection connection = Connection.resolve("http://[::1]:9000/", null,
				environment(Map.of("HEARTH_DATA", data.toString())));
		assertThat(connection.server()).isEqualTo(URI.create("http://[::1]:9000"));
		assertThat(connection.token()).isEqualTo("data-token");
	}

	@Test
	void theTokenFileIsNotReadForARemoteServer() throws IOException {
		Files.createDirectories(this.home.resolve(".hearth"));
		Files.writeString(this.home.resolve(".hearth/admin-token"), "local-token");
		Connection connection = Connection.resolve(null, null,
				environment(Map.of("HEARTH_URL", "https://hearth.example.com")));
		assertThat(connection.token()).isNull();
	}

	@Test
	void optionsWinOverEnvironment() {
		Environment environment = environment(Map.of("HEARTH_URL", "http://env:1", "HEARTH_TOKEN", "env-token"));
		assertThat(Connection.resolve(null, null, environment).token()).isEqualTo("env-token");
		Connection connection = Connection.resolve("https://opt/hearth", "opt-token", environment);
		assertThat(connection.server()).isEqualTo(URI.create("https://opt/hearth"));
		assertThat(connection.token()).isEqualTo("opt-token");
	}

	@Test
	void aServerMustBeAnHttpAddress() {
		assertThatThrownBy(() -> Connection.resolve("localhost:8080", null, environment(Map.of())))
			.isInstanceOf(UsageException.class)
			.hasMessage(
					"--server must be an http:// or https:// address such as http://localhost:8080, got 'localhost:8080'");
	}

	private Environment environment(Map<String, String> variables) {
		return new Environment(variables, this.home, false, 80);
	}

}
