package dev.hearth.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Refuses a ZIP-based file (DOCX and other Office Open XML) that expands implausibly,
 * before a parser builds it in memory: it inflates the entries as a stream into nothing,
 * counting, and stops as soon as the total passes {@code maxExpansionRatio} times the
 * file's size (plus 1 MiB, so tiny files are not judged by ratio) or
 * {@code maxExpandedSize}. Memory use is a fixed buffer; time is bounded by the limit,
 * not by the bomb. Files that are not ZIP archives pass unchecked. Thread-safe.
 */
final class ArchiveBombCheck {

	private static final long GRACE_BYTES = 1024 * 1024;

	private static final int MAX_ENTRIES = 10_000;

	private final int maxExpansionRatio;

	private final long maxExpandedBytes;

	ArchiveBombCheck(ParsingProperties properties) {
		this.maxExpansionRatio = properties.maxExpansionRatio();
		this.maxExpandedBytes = properties.maxExpandedSize().toBytes();
	}

	/**
	 * @throws DocumentRejectedException ({@link RejectionReason#TOO_LARGE}) when the
	 * archive expands past the limits or has more than 10,000 entries
	 */
	void check(byte[] bytes, String source) {
		if (!isZip(bytes)) {
			return;
		}
		long limit = Math.min(this.maxExpandedBytes, (long) this.maxExpansionRatio * bytes.length + GRACE_BYTES);
		long expanded = 0;
		int entries = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++entries > MAX_ENTRIES) {
					throw new DocumentRejectedException(RejectionReason.TOO_LARGE, source + " has more than "
							+ MAX_ENTRIES + " parts inside; Hearth does not read it (it looks like an archive bomb).");
				}
				for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
					expanded += n;
					if (expanded > limit) {
						throw new DocumentRejectedException(RejectionReason.TOO_LARGE, source + " expands to more than "
								+ limit / (1024 * 1024) + " MB from " + bytes.length + " bytes (more than "
								+ this.maxExpansionRatio
								+ " times its size): it looks like an archive bomb, so Hearth does not read it. "
								+ "Save the document again, or split it.");
					}
				}
			}
		}
		catch (IOException ex) {
			// a damaged archive: the parser says what is wrong with it
		}
	}

	private static boolean isZip(byte[] bytes) {
		return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

}
