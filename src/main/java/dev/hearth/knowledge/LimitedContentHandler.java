package dev.hearth.knowledge;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Passes a parser's output on until it has produced more than {@code maxChars} characters
 * or its deadline has passed, then stops the parse with a {@link LimitReached}. Not
 * thread-safe: one instance per parse.
 */
final class LimitedContentHandler extends ContentHandlerDecorator {

	private final int maxChars;

	private final long deadlineNanos;

	private long chars;

	LimitedContentHandler(ContentHandler handler, int maxChars, long deadlineNanos) {
		super(handler);
		this.maxChars = maxChars;
		this.deadlineNanos = deadlineNanos;
	}

	@Override
	public void characters(char[] ch, int start, int length) throws SAXException {
		this.chars += length;
		if (this.chars > this.maxChars) {
			throw new LimitReached("it has more than " + this.maxChars + " characters of text");
		}
		checkTime();
		super.characters(ch, start, length);
	}

	@Override
	public void startElement(String uri, String localName, String name, org.xml.sax.Attributes atts)
			throws SAXException {
		checkTime();
		super.startElement(uri, localName, name, atts);
	}

	private void checkTime() throws LimitReached {
		if (System.nanoTime() - this.deadlineNanos > 0 || Thread.currentThread().isInterrupted()) {
			throw new LimitReached("reading it took too long");
		}
	}

	/** A parse stopped at a limit; the message says which. */
	static final class LimitReached extends SAXException {

		LimitReached(String message) {
			super(message);
		}

	}

}
