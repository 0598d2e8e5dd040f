package dev.hearth.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.hearth.system.SystemProperties;

/**
 * Makes sure the admin API can be used: seeds {@code HEARTH_ADMIN_TOKEN} when configured,
 * and on a first start with no token at all creates one and writes it where the CLI looks
 * for it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LocalAdminToken implements ApplicationRunner {

	static final String FILE_NAME = "admin-token";

	private static final Logger log = LoggerFactory.getLogger(LocalAdminToken.class);

	private final ApiTokens tokens;

	private final IdentityProperties properties;

	private final Path dataDir;

	LocalAdminToken(ApiTokens tokens, IdentityProperties properties, SystemProperties system) {
		this.tokens = tokens;
		this.properties = properties;
		this.dataDir = system.dataDir();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (StringUtils.hasText(this.properties.adminToken())) {
			this.tokens.register("configured-admin", "ADMIN", this.properties.adminToken().strip());
			return;
		}
		Path file = this.dataDir.resolve(FILE_NAME);
		if (this.tokens.anyActive() && Files.isReadable(file)) {
			return;
		}
		String token = this.tokens.create(localName(this.dataDir), "ADMIN");
		write(file, token);
		log.info("Admin API token written to {} (kb-import reads it there for a local server)", file);
	}

	/**
	 * The token's name, one per data folder: several Hearth installations sharing one
	 * database (a test run's servers, say) each keep their own local token.
	 */
	static String localName(Path dataDir) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(dataDir.toAbsolutePath()
					.normalize()
					.toString()
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return "local-admin-" + java.util.HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void write(Path file, String token) {
		try {
			Files.createDirectories(file.getParent());
			Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
			try {
				Files.setPosixFilePermissions(temp, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the folder's own permissions apply
			}
			Files.writeString(temp, token + "\n");
			Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the admin token to " + file, ex);
		}
	}

}
