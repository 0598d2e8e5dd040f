package dev.hearth.kbimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code kb-import --version} prints: the tool's version, written into
 * {@code version.properties} by the build, and the Java it runs on. Thread-safe:
 * stateless.
 */
final class Version implements IVersionProvider {

	@Override
	public String[] getVersion() {
		return new String[] { "kb-import " + version(),
				"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")" };
	}

	/**
	 * The version the build wrote, or {@code unknown} when run from unfiltered classes.
	 */
	static String version() {
		try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
			if (in == null) {
				return "unknown";
			}
			Properties properties = new Properties();
			properties.load(in);
			String version = properties.getProperty("version", "unknown");
			return version.startsWith("@") ? "unknown" : version;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
