package dev.hearth.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real Keycloak for integration tests: the distribution that the build unpacks from
 * Maven Central into {@code target/keycloak} (system property {@code keycloak.home}),
 * started in development mode with an in-memory database on a free loopback port, with
 * the shipped realm ({@code docs/keycloak/hearth-realm.json}) imported, its console URL
 * rewritten to the app's test port. Stopped with the JVM or by {@link #stop()}.
 */
final class KeycloakServer {

	private static final Duration STARTUP = Duration.ofMinutes(4);

	private final Process process;

	private final int port;

	private final Path log;

	private KeycloakServer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts Keycloak with the shipped realm, redirecting to an app at this origin. */
	static KeycloakServer start(String appOrigin) {
		String home = System.getProperty("keycloak.home");
		if (home == null || !Files.isDirectory(Path.of(home, "bin"))) {
			throw new IllegalStateException("No Keycloak distribution at keycloak.home=" + home
					+ ": run the IT through Maven (mvn verify), which unpacks it into target/keycloak");
		}
		try {
			Path kc = Path.of(home);
			Path imports = Files.createDirectories(kc.resolve("data/import"));
			String realm = Files.readString(Path.of("docs/keycloak/hearth-realm.json"))
				.replace("http://localhost:8080", appOrigin);
			Files.writeString(imports.resolve("hearth-realm.json"), realm);
			int port = freePort();
			Path log = Files.createTempFile("keycloak", ".log");
			ProcessBuilder builder = new ProcessBuilder(kc.resolve("bin/kc.sh").toString(), "start-dev",
					"--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
					"--db=dev-mem", "--import-realm")
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
			builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "bootstrap");
			builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "bootstrap-" + port);
			KeycloakServer server = new KeycloakServer(builder.start(), port, log);
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
			server.awaitRealm();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String issuer() {
		return "http://127.0.0.1:" + this.port + "/realms/hearth";
	}

	void stop() {
		List<ProcessHandle> children = this.process.descendants().toList();
		this.process.destroy();
		children.forEach(ProcessHandle::destroy);
		try {
			if (!this.process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20),
					java.util.concurrent.TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				children.forEach(ProcessHandle::destroyForcibly);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitRealm() throws IOException {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(STARTUP);
		URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Keycloak exited: " + tail());
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep();
		}
		stop();
		throw new IllegalStateException("Keycloak did not serve the hearth realm within " + STARTUP + ": " + tail());
	}

	private String tail() throws IOException {
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
