package dev.hearth.kbimport;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Where Hearth is and which token to send. The server comes from {@code --server}, then
 * HEARTH_URL, then {@code http://localhost:8080}. The token comes from {@code --token},
 * then HEARTH_TOKEN, then (with Keycloak) an access token for the client in
 * HEARTH_CLIENT_ID / HEARTH_CLIENT_SECRET from HEARTH_TOKEN_URL (see
 * {@link ClientCredentials}), and only when the server is on this machine from the
 * admin-token file the local server writes on first start
 * ({@code $HEARTH_DATA/admin-token}, default {@code ~/.hearth/admin-token}), so the local
 * case needs no setup.
 *
 * @param server the server's base URL, without a trailing slash
 * @param token the bearer token, or {@code null} to send none
 */
record Connection(URI server, String token) {

	static final String DEFAULT_SERVER = "http://localhost:8080";

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

	static Connection resolve(String serverOption, String tokenOption, Environment environment) {
		String server = firstNonNull(serverOption, environment.variable("HEARTH_URL"), DEFAULT_SERVER);
		URI uri = parseServer(server);
		String token = firstNonNull(blankToNull(tokenOption), environment.variable("HEARTH_TOKEN"), null);
		if (token == null && ClientCredentials.configured(environment)) {
			token = ClientCredentials.accessToken(environment);
		}
		if (token == null && isLocal(uri)) {
			token = readTokenFile(adminTokenFile(environment));
		}
		return new Connection(uri, token);
	}

	/** Where the local server keeps its admin token. */
	static Path adminTokenFile(Environment environment) {
		String data = environment.variable("HEARTH_DATA");
		Path folder = (data != null) ? Path.of(data) : environment.home().resolve(".hearth");
		return folder.resolve("admin-token");
	}

	static boolean isLocal(URI server) {
		return server.getHost() != null && LOCAL_HOSTS.contains(server.getHost().toLowerCase(Locale.ROOT));
	}

	/** Never shows the token, so a debug print cannot leak it. */
	@Override
	public String toString() {
		return "Connection[server=" + this.server + ", token=" + ((this.token != null) ? "***" : "none") + "]";
	}

	/** The server as the user would write it, for messages. */
	String displayServer() {
		return this.server.toString();
	}

	private static URI parseServer(String server) {
		String trimmed = server.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		try {
			URI uri = new URI(trimmed);
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					|| uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
				throw new UsageException(
						"--server must be an http:// or https:// address such as http://localhost:8080, got '" + server
								+ "'");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new UsageException(
					"--server must be an http:// or https:// address such as http://localhost:8080, got '" + server
							+ "'");
		}
	}

	private static String readTokenFile(Path file) {
		try {
			if (Files.isReadable(file)) {
				return blankToNull(Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			// fall through: no token; the server's 401 then explains what to do
		}
		return null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	@SafeVarargs
	private static <T> T firstNonNull(T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
