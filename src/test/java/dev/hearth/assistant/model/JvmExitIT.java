package dev.hearth.assistant.model;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM that used llama.cpp exits when {@code main} returns. Each case runs
 * {@link LlamaExitMain} in a child JVM with the test classpath and gives it a bounded
 * time; the {@code raw} case shows that de.kherud:llama alone keeps the JVM alive, so the
 * other cases prove {@link NativeThreadGuard} is what lets it go (and tell when a newer
 * de.kherud:llama no longer needs it).
 */
class JvmExitIT {

	private static final long EXIT_SECONDS = 30;

	@TempDir
	static Path folder;

	static Path model;

	@BeforeAll
	static void writeModel() throws IOException {
		model = TinyGguf.write(folder.resolve("tiny.gguf"), TinyGguf.Spec.tiny());
	}

	@Test
	void exitsAfterMainClosesTheModelAndReturns() throws Exception {
		Child child = Child.start("close");
		assertThat(child.process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).as(child.output()).isTrue();
		assertThat(child.process.exitValue()).as(child.output()).isZero();
		assertThat(child.output()).contains("generated 5 tokens", "main returns");
	}

	@Test
	void exitsWhenTheModelWasNeverClosed() throws Exception {
		Child child = Child.start("no-close");
		assertThat(child.process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).as(child.output()).isTrue();
		assertThat(child.process.exitValue()).as(child.output()).isZero();
	}

	@Test
	void exitsWithStatusOneWhenMainThrows() throws Exception {
		Child child = Child.start("throw");
		assertThat(child.process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).as(child.output()).isTrue();
		assertThat(child.process.exitValue()).as(child.output()).isEqualTo(1);
		assertThat(child.output()).contains("main fails on purpose");
	}

	@Test
	void deKherudLlamaAloneKeepsTheJvmAlive() throws Exception {
		Child child = Child.start("raw");
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXIT_SECONDS);
			while (!child.output().contains("main returns") && child.process.isAlive()
					&& System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(child.output()).contains("generated 5 tokens", "main returns");
			assertThat(child.process.waitFor(3, TimeUnit.SECONDS)).as("exited by itself: is the guard still needed?")
				.isFalse();
		}
		finally {
			child.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private record Child(Process process, Path log) {

		static Child start(String mode) throws IOException {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
			Path log = folder.resolve(mode + ".log");
			Process process = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp",
					classpath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
					LlamaExitMain.class.getName(), mode, model.toString()))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new Child(process, log);
		}

		String output() {
			try {
				return Files.readString(this.log, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "(no output: " + ex.getMessage() + ")";
			}
		}

	}

}
