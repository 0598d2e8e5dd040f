package dev.hearth.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms a Lucene analyzer makes of a text, in order: what the index holds of it, for
 * comparing words as the search compares them. Thread-safe as the analyzer is.
 */
public final class AnalyzedTerms {

	private AnalyzedTerms() {
	}

	/**
	 * @param analyzer the analyzer
	 * @param field the field whose analysis is meant (a per-field analyzer picks by it)
	 * @param text the text
	 */
	public static List<String> of(Analyzer analyzer, String field, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream tokens = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				terms.add(term.toString());
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

}
