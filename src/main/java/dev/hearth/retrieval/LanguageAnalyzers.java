package dev.hearth.retrieval;

import java.io.Closeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analyzer of each language text field: Lucene's stemming analyzers for English,
 * German, French, Spanish, Dutch, Italian and Portuguese, and a standard analyzer for any
 * other language.
 *
 * <p>
 * A passage's match text goes into the one field of its language; a query is analysed
 * once per field and searched across all of them. Thread-safe: Lucene analyzers reuse
 * their token streams per thread.
 */
final class LanguageAnalyzers implements Closeable {

	/** The field key of languages without a dedicated analyzer. */
	static final String STANDARD = "std";

	private final Map<String, Analyzer> byKey = new LinkedHashMap<>();

	private final PerFieldAnalyzerWrapper perField;

	private final List<Analyzer> queryAnalyzers = new CopyOnWriteArrayList<>();

	LanguageAnalyzers() {
		this.byKey.put("en", new EnglishAnalyzer());
		this.byKey.put("de", new GermanAnalyzer());
		this.byKey.put("fr", new FrenchAnalyzer());
		this.byKey.put("es", new SpanishAnalyzer());
		this.byKey.put("nl", new DutchAnalyzer());
		this.byKey.put("it", new ItalianAnalyzer());
		this.byKey.put("pt", new PortugueseAnalyzer());
		StandardAnalyzer standard = new StandardAnalyzer();
		this.byKey.put(STANDARD, standard);
		Map<String, Analyzer> byField = new LinkedHashMap<>();
		this.byKey.forEach((key, analyzer) -> byField.put(PassageSchema.textField(key), analyzer));
		this.perField = new PerFieldAnalyzerWrapper(standard, byField);
	}

	/**
	 * The field key for a language code: its primary subtag in lower case ("en-GB"
	 * becomes "en") when this class has an analyzer for it, {@link #STANDARD} otherwise.
	 */
	static String keyFor(String language) {
		String primary = language.strip().toLowerCase(Locale.ROOT);
		int separator = indexOfSeparator(primary);
		if (separator >= 0) {
			primary = primary.substring(0, separator);
		}
		return switch (primary) {
			case "en", "de", "fr", "es", "nl", "it", "pt" -> primary;
			default -> STANDARD;
		};
	}

	private static int indexOfSeparator(String language) {
		int dash = language.indexOf('-');
		int underscore = language.indexOf('_');
		if (dash < 0) {
			return underscore;
		}
		return (underscore < 0) ? dash : Math.min(dash, underscore);
	}

	/** Every field key, in a fixed order. */
	List<String> keys() {
		return List.copyOf(this.byKey.keySet());
	}

	/** The terms the field's analyzer makes of a text, in order. */
	List<String> terms(String field, String text) {
		return AnalyzedTerms.of(this.perField, field, text);
	}

	/** The analyzer that picks the right language analyzer by field name. */
	Analyzer perField() {
		return this.perField;
	}

	/**
	 * The per-field analyzer, keeping only the first {@code maxTokens} terms of a text:
	 * for queries, whose clause count Lucene limits.
	 */
	Analyzer queryAnalyzer(int maxTokens) {
		Analyzer analyzer = new LimitTokenCountAnalyzer(this.perField, maxTokens);
		this.queryAnalyzers.add(analyzer);
		return analyzer;
	}

	@Override
	public void close() {
		this.queryAnalyzers.forEach(Analyzer::close);
		this.perField.close();
		this.byKey.values().forEach(Analyzer::close);
	}

}
