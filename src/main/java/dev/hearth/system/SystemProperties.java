package dev.hearth.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.system}.
 *
 * @param dataDir the folder for derived state (Lucene index, embedded PostgreSQL, the
 * local admin token)
 * @param database how to find PostgreSQL when {@code spring.datasource.url} is not set
 */
@ConfigurationProperties("hearth.system")
public record SystemProperties(Path dataDir, @DefaultValue Database database) {

	/**
	 * @param localHost host probed for a running PostgreSQL
	 * @param localPort port probed for a running PostgreSQL
	 * @param databaseName the database Hearth uses (created when missing)
	 * @param embeddedWhenUnavailable start an embedded PostgreSQL when none answers
	 * locally
	 * @param poolSize the most connections Hearth holds open; it keeps two when idle
	 */
	public record Database(@DefaultValue("localhost") String localHost, @DefaultValue("5432") int localPort,
			@DefaultValue("hearth") String databaseName, @DefaultValue("true") boolean embeddedWhenUnavailable,
			@DefaultValue("20") int poolSize) {
	}

}
