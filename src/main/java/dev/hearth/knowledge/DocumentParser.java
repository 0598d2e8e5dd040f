package dev.hearth.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.IdentityHtmlMapper;
import org.xml.sax.SAXException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a file into a {@link ParsedDocument}: Markdown and plain text with Hearth's own
 * readers (they keep the structure Tika would flatten), PDF, DOCX and HTML with Apache
 * Tika. A file that cannot be read is refused with a {@link DocumentRejectedException}
 * saying why. Thread-safe.
 */
@Component
class DocumentParser {

	private static final Map<String, String> EXTENSIONS = Map.of("md", "text/markdown", "markdown", "text/markdown",
			"txt", "text/plain", "text", "text/plain");

	private static final List<String> TIKA_TYPES = List.of("application/pdf",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
			"text/html", "application/xhtml+xml");

	/**
	 * Types that no container detector refines: for these, Tika's magic and name
	 * detection is its whole answer, so the costlier full detection (zip, OLE, archive
	 * and compressor probes) is left out.
	 */
	private static final List<String> NOT_CONTAINERS = List.of("application/pdf", "text/html", "application/xhtml+xml");

	/** Tika's full detector: magic and name, then the container formats (DOCX, DOC). */
	private final Detector detector;

	/** Magic and name only. */
	private final MimeTypes mimeTypes;

	/** Reads a file as the type {@link #detect} found, without detecting it again. */
	private final AutoDetectParser tika;

	private final MarkdownReader markdown = new MarkdownReader();

	private final String defaultLanguage;

	private final ArchiveBombCheck archives;

	private final ParsingExecutor executor;

	private final int maxTextChars;

	DocumentParser(KnowledgeProperties properties) {
		this(properties, ParsingProperties.defaults());
	}

	@Autowired
	DocumentParser(KnowledgeProperties properties, ParsingProperties parsing) {
		TikaConfig tikaConfig = TikaConfig.getDefaultConfig();
		this.detector = tikaConfig.getDetector();
		this.mimeTypes = tikaConfig.getMimeRepository();
		this.tika = new AutoDetectParser(tikaConfig);
		this.tika.setDetector(DocumentParser::typeFound);
		this.defaultLanguage = properties.defaultLanguage();
		this.archives = new ArchiveBombCheck(parsing);
		this.executor = new ParsingExecutor(parsing);
		this.maxTextChars = parsing.maxTextChars();
		// Tika's OOXML parser switches POI's own zip-bomb check off when it loads (with
		// the
		// parser above): switch it on again, behind ArchiveBombCheck
		ZipSecureFile.setMinInflateRatio(1.0 / parsing.maxExpansionRatio());
		ZipSecureFile.setMaxEntrySize(parsing.maxExpandedSize().toBytes());
	}

	@PreDestroy
	void close() {
		this.executor.close();
	}

	/**
	 * @param bytes the file's content
	 * @param source the file's source path (its extension helps to tell the type)
	 * @param declaredLanguage the language the importer gave, or {@code null} to take the
	 * file's own or the default
	 */
	ParsedDocument parse(byte[] bytes, String source, String declaredLanguage) {
		if (bytes.length == 0) {
			throw new DocumentRejectedException(RejectionReason.EMPTY, source + " is empty (0 bytes).");
		}
		String type = detect(bytes, source);
		ParsedDocument parsed = switch (type) {
			case "text/markdown", "text/x-web-markdown" -> readMarkdown(bytes, source, declaredLanguage);
			case "text/plain" -> readPlainText(bytes, source, declaredLanguage);
			default -> {
				if (!TIKA_TYPES.contains(type)) {
					throw new DocumentRejectedException(RejectionReason.UNSUPPORTED, source + " is " + type
							+ ", which Hearth cannot take text from. Supported: PDF, DOCX, HTML, Markdown and plain text.");
				}
				yield readWithTika(bytes, source, type, declaredLanguage);
			}
		};
		if (parsed.textLength() == 0) {
			throw new DocumentRejectedException(RejectionReason.EMPTY,
					source + " has no text to import (a scanned PDF needs OCR before import; Hearth does not OCR).");
		}
		return parsed;
	}

	private String detect(byte[] bytes, String source) {
		String name = source.substring(source.lastIndexOf('/') + 1);
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
		MediaType detected;
		try (TikaInputStream stream = TikaInputStream.get(bytes)) {
			detected = this.mimeTypes.detect(stream, metadata);
			String found = detected.getBaseType().toString();
			if (!found.startsWith("text/") && !NOT_CONTAINERS.contains(found)) {
				detected = this.detector.detect(stream, metadata);
			}
		}
		catch (IOException ex) {
			throw new DocumentRejectedException(RejectionReason.CORRUPT,
					source + " could not be read: " + ex.getMessage(), ex);
		}
		String type = detected.getBaseType().toString();
		if (EXTENSIONS.containsKey(extension) && type.startsWith("text/")) {
			return EXTENSIONS.get(extension);
		}
		return type;
	}

	/**
	 * The parser's detector: the type {@link #detect} found, which {@link #readWithTika}
	 * sets as the file's content type.
	 */
	private static MediaType typeFound(InputStream stream, Metadata metadata) {
		String type = metadata.get(Metadata.CONTENT_TYPE);
		return (type != null) ? MediaType.parse(type) : MediaType.OCTET_STREAM;
	}

	private ParsedDocument readMarkdown(byte[] bytes, String source, String declaredLanguage) {
		MarkdownReader.Result result = this.markdown.read(Texts.decode(bytes));
		String title = result.title();
		if (title == null) {
			title = result.blocks()
				.stream()
				.filter((block) -> block.headingLevel() == 1)
				.map(TextBlock::text)
				.findFirst()
				.orElse(Texts.baseName(source));
		}
		return new ParsedDocument(title, "text/markdown", language(declaredLanguage, result.language()),
				result.blocks());
	}

	private ParsedDocument readPlainText(byte[] bytes, String source, String declaredLanguage) {
		PlainTextReader.Result result = PlainTextReader.read(Texts.decode(bytes));
		String title = (result.title() != null) ? result.title() : Texts.baseName(source);
		return new ParsedDocument(title, "text/plain", language(declaredLanguage, null), result.blocks());
	}

	private ParsedDocument readWithTika(byte[] bytes, String source, String type, String declaredLanguage) {
		this.archives.check(bytes, source);
		XhtmlBlockCollector collector = new XhtmlBlockCollector("application/pdf".equals(type));
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, source.substring(source.lastIndexOf('/') + 1));
		metadata.set(Metadata.CONTENT_TYPE, type);
		long deadline = System.nanoTime() + this.executor.timeout().toNanos();
		try {
			this.executor.run(() -> {
				try (TikaInputStream stream = TikaInputStream.get(bytes)) {
					ParseContext context = new ParseContext();
					// keep every HTML element (nav, header, footer, ...) so the collector
					// can leave out navigation
					context.set(HtmlMapper.class, IdentityHtmlMapper.INSTANCE);
					this.tika.parse(stream, new LimitedContentHandler(collector, this.maxTextChars, deadline), metadata,
							context);
				}
				return null;
			});
		}
		catch (TimeoutException ex) {
			throw new DocumentRejectedException(RejectionReason.TOO_LARGE,
					source + " took longer than " + this.executor.timeout().toSeconds()
							+ " s to read, so Hearth stopped: split it into smaller documents.",
					ex);
		}
		catch (RejectedExecutionException ex) {
			throw new DocumentRejectedException(RejectionReason.TOO_LARGE, source
					+ " could not be read now: too many files are being read at once. Import it again in a minute.",
					ex);
		}
		catch (ExecutionException ex) {
			throw rejection(ex.getCause(), source, type);
		}
		catch (RuntimeException ex) {
			throw rejection(ex, source, type);
		}
		String title = metadata.get(TikaCoreProperties.TITLE);
		if (title == null || title.isBlank()) {
			title = (collector.firstTopHeading() != null) ? collector.firstTopHeading() : Texts.baseName(source);
		}
		String fileLanguage = metadata.get(TikaCoreProperties.LANGUAGE);
		if (fileLanguage == null) {
			fileLanguage = metadata.get("Content-Language");
		}
		return new ParsedDocument(Texts.fold(title), type, language(declaredLanguage, fileLanguage),
				collector.blocks());
	}

	private static DocumentRejectedException rejection(Throwable ex, String source, String type) {
		if (ex instanceof DocumentRejectedException rejected) {
			return rejected;
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof LimitedContentHandler.LimitReached limit) {
				return new DocumentRejectedException(RejectionReason.TOO_LARGE,
						source + " was not imported: " + limit.getMessage() + ". Split it into smaller documents.", ex);
			}
		}
		if (ex instanceof EncryptedDocumentException || causedByEncryption(ex)) {
			return new DocumentRejectedException(RejectionReason.ENCRYPTED,
					source + " is password-protected: remove the password and import it again.", ex);
		}
		return new DocumentRejectedException(RejectionReason.CORRUPT,
				source + " is damaged or not a valid " + describe(type) + " (" + rootMessage(ex) + ").", ex);
	}

	private String language(String declared, String fromFile) {
		String chosen = (declared != null && !declared.isBlank()) ? declared
				: (fromFile != null && !fromFile.isBlank()) ? fromFile : this.defaultLanguage;
		String code = chosen.strip().toLowerCase(Locale.ROOT);
		int dash = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
		return (dash > 0) ? code.substring(0, dash) : code;
	}

	private static boolean causedByEncryption(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof EncryptedDocumentException
					|| t.getClass().getName().endsWith("InvalidPasswordException")) {
				return true;
			}
		}
		return false;
	}

	private static String describe(String type) {
		return switch (type) {
			case "application/pdf" -> "PDF";
			case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX file";
			case "application/msword" -> "Word document";
			default -> "HTML file";
		};
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message == null || message.isBlank()) ? root.getClass().getSimpleName() : Texts.fold(message);
	}

}
