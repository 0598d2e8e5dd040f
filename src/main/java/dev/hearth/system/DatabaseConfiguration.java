package dev.hearth.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.sun.security.auth.module.UnixSystem;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Hearth's one {@link DataSource}: located by {@link DatabaseLocator}, with the database
 * created when it does not exist yet.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$");

	@Bean(destroyMethod = "close")
	DatabaseLocation databaseLocation(Environment environment, SystemProperties properties) {
		boolean root = isRoot();
		return new DatabaseLocator(properties, root).locate(environment.getProperty("spring.datasource.url"),
				environment.getProperty("spring.datasource.username", "postgres"),
				environment.getProperty("spring.datasource.password", ""));
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseLocation location, SystemProperties properties) {
		createDatabaseIfMissing(location);
		HikariConfig config = new HikariConfig();
		config.setPoolName("hearth");
		config.setJdbcUrl(location.url());
		config.setUsername(location.username());
		config.setPassword(location.password());
		config.setMaximumPoolSize(properties.database().poolSize());
		config.setMinimumIdle(Math.min(2, properties.database().poolSize()));
		return new HikariDataSource(config);
	}

	static void createDatabaseIfMissing(DatabaseLocation location) {
		Properties credentials = new Properties();
		credentials.setProperty("user", location.username());
		if (location.password() != null && !location.password().isEmpty()) {
			credentials.setProperty("password", location.password());
		}
		try (Connection ignored = DriverManager.getConnection(location.url(), credentials)) {
			return;
		}
		catch (SQLException ex) {
			if (!"3D000".equals(ex.getSQLState())) {
				throw new DatabaseUnavailableException(
						"Cannot connect to PostgreSQL at " + location.url() + ": " + ex.getMessage(),
						"Check that PostgreSQL is running and that HEARTH_DB_URL, HEARTH_DB_USER and HEARTH_DB_PASSWORD are right.");
			}
		}
		Matcher matcher = DATABASE_IN_URL.matcher(location.url());
		if (!matcher.matches()) {
			throw new DatabaseUnavailableException("The database in " + location.url() + " does not exist.",
					"Create it, or point HEARTH_DB_URL at an existing database.");
		}
		String name = matcher.group(2);
		String maintenanceUrl = matcher.group(1) + "postgres" + matcher.group(3);
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
			log.info("Created PostgreSQL database {}", name);
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) {
				throw new DatabaseUnavailableException(
						"The database " + name + " does not exist and could not be created: " + ex.getMessage(),
						"Create it (createdb " + name + ") or grant CREATEDB to the database user.");
			}
		}
	}

	private static boolean isRoot() {
		try {
			return new UnixSystem().getUid() == 0;
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
