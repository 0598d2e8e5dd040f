package dev.hearth.knowledge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile files are refused with a reason, fast and in little memory (issue 13): a DOCX
 * ZIP bomb generated here (the finding's was 2 MB holding 2 GiB of text), text beyond the
 * cap, and parsing beyond its time. Prints the figures for docs/benchmarks.md.
 */
class ArchiveBombTest {

	/**
	 * 512 MiB of text by default, to keep {@code mvn verify} quick (making the bomb is
	 * what takes time); {@code -Dhearth.bomb.mib=2048} for the 2 GiB bomb of the finding.
	 */
	private static final long BOMB_TEXT_BYTES = Long.getLong("hearth.bomb.mib", 512) * 1024 * 1024;

	private final DocumentParser parser = new DocumentParser(TestProperties.knowledge());

	@Test
	void aDocxBombIsRefusedQuicklyWithoutReadingItIntoMemory() {
		byte[] bomb = docxBomb(BOMB_TEXT_BYTES);
		assertThat((long) bomb.length).as("the bomb is small").isLessThan(BOMB_TEXT_BYTES / 500);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();
		assertThatThrownBy(() -> this.parser.parse(bomb, "bomb.docx", null))
			.isInstanceOfSatisfying(DocumentRejectedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(RejectionReason.TOO_LARGE))
			.hasMessageContaining("bomb.docx expands to more than")
			.hasMessageContaining("archive bomb");
		long millis = (System.nanoTime() - start) / 1_000_000;
		long allocatedMb = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / (1024 * 1024);
		System.out.printf("DOCX bomb: %.1f MB file, %d MiB of text inside: refused in %d ms, %d MB allocated%n",
				bomb.length / 1e6, BOMB_TEXT_BYTES / (1024 * 1024), millis, allocatedMb);
		assertThat(millis).isLessThan(10_000);
		assertThat(allocatedMb).isLessThan(64);
	}

	@Test
	void poisOwnInflateRatioCheckIsOnAgainBehindTika() {
		// Tika's OOXML parser switches it off when it loads; the parser switches it on
		assertThat(org.apache.poi.openxml4j.util.ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
	}

	@Test
	void anOrdinaryDocxStillPasses() {
		ParsedDocument parsed = this.parser.parse(TestFiles.docx("eSIM", "Scan the QR code to activate your eSIM."),
				"esim.docx", null);
		assertThat(parsed.blocks()).contains(TextBlock.paragraph("Scan the QR code to activate your eSIM."));
	}

	@Test
	void textBeyondTheCapIsRefused() {
		DocumentParser small = new DocumentParser(TestProperties.knowledge(),
				new ParsingProperties(100, DataSize.ofMegabytes(512), 10_000, Duration.ofSeconds(60), 1, 4));
		String html = "<html><body>" + "<p>Refunds take five days.</p>".repeat(1000) + "</body></html>";
		assertThatThrownBy(() -> small.parse(html.getBytes(StandardCharsets.UTF_8), "long.html", null))
			.isInstanceOfSatisfying(DocumentRejectedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(RejectionReason.TOO_LARGE))
			.hasMessageContaining("more than 10000 characters");
	}

	@Test
	void parsingBeyondItsTimeIsStopped() {
		DocumentParser hurried = new DocumentParser(TestProperties.knowledge(),
				new ParsingProperties(100, DataSize.ofMegabytes(512), 20_000_000, Duration.ofMillis(1), 1, 4));
		String html = "<html><body>" + "<p>Refunds take five days.</p>".repeat(50_000) + "</body></html>";
		assertThatThrownBy(() -> hurried.parse(html.getBytes(StandardCharsets.UTF_8), "slow.html", null))
			.isInstanceOfSatisfying(DocumentRejectedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(RejectionReason.TOO_LARGE))
			.hasMessageContaining("slow.html");
	}

	/**
	 * A valid DOCX whose document.xml holds {@code textBytes} letters in one run: the
	 * package parts of a real DOCX, the text streamed through the deflater (never in
	 * memory).
	 */
	static byte[] docxBomb(long textBytes) {
		byte[] real = TestFiles.docx("Bomb", "x");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(real));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("word/document.xml")) {
					writeBombText(zip, textBytes);
				}
				else {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void writeBombText(OutputStream out, long textBytes) throws IOException {
		out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
				+ "<w:body><w:p><w:r><w:t>")
			.getBytes(StandardCharsets.UTF_8));
		byte[] letters = new byte[1024 * 1024];
		Arrays.fill(letters, (byte) 'a');
		for (long written = 0; written < textBytes; written += letters.length) {
			out.write(letters);
		}
		out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
	}

}
