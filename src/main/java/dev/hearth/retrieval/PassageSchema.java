package dev.hearth.retrieval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene fields of a passage, and the conversions between passages, documents,
 * filters and hits. Stateless.
 *
 * <p>
 * {@code id} and {@code group_key} have doc values so that candidates can be collapsed
 * without loading stored fields; only the final hits load their stored fields.
 */
final class PassageSchema {

	static final String ID = "id";

	static final String DOCUMENT_ID = "document_id";

	static final String GROUP_KEY = "group_key";

	static final String KIND = "kind";

	static final String SOURCE = "source";

	static final String TITLE = "title";

	static final String SECTION_PATH = "section_path";

	static final String PASSAGE = "passage";

	static final String CITATION = "citation";

	static final String LANGUAGE = "language";

	static final String TAG_PREFIX = "tag.";

	static final String TEXT_PREFIX = "text_";

	static final String VECTOR = "vector";

	/** Vectors are stored normalised, so the dot product is the cosine similarity. */
	static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

	private PassageSchema() {
	}

	static String textField(String languageKey) {
		return TEXT_PREFIX + languageKey;
	}

	static Document toDocument(IndexedPassage passage, float[] normalisedVector) {
		Document document = new Document();
		document.add(new KeywordField(ID, passage.id(), Field.Store.YES));
		document.add(new StringField(DOCUMENT_ID, passage.documentId(), Field.Store.YES));
		document.add(new KeywordField(GROUP_KEY, passage.groupKey(), Field.Store.YES));
		document.add(new StringField(KIND, passage.kind().name(), Field.Store.YES));
		document.add(new StoredField(SOURCE, passage.source()));
		document.add(new StoredField(TITLE, passage.title()));
		document.add(new StoredField(SECTION_PATH, passage.sectionPath()));
		document.add(new StoredField(PASSAGE, passage.passage()));
		document.add(new StoredField(CITATION, passage.citation()));
		document.add(new StringField(LANGUAGE, passage.language(), Field.Store.YES));
		passage.tags()
			.forEach((key, values) -> values
				.forEach((value) -> document.add(new StringField(TAG_PREFIX + key, value, Field.Store.YES))));
		String textField = textField(LanguageAnalyzers.keyFor(passage.language()));
		document.add(new TextField(textField, passage.matchText(), Field.Store.NO));
		document.add(new KnnFloatVectorField(VECTOR, normalisedVector, SIMILARITY));
		return document;
	}

	static SearchHit toHit(Document document, Fused fused, float similarity) {
		Map<String, List<String>> tags = new LinkedHashMap<>();
		for (IndexableField field : document.getFields()) {
			if (field.name().startsWith(TAG_PREFIX)) {
				tags.computeIfAbsent(field.name().substring(TAG_PREFIX.length()), (key) -> new ArrayList<>())
					.add(field.stringValue());
			}
		}
		tags.replaceAll((key, values) -> List.copyOf(values));
		return new SearchHit(document.get(ID), document.get(DOCUMENT_ID), document.get(GROUP_KEY),
				PassageKind.valueOf(document.get(KIND)), document.get(SOURCE), document.get(TITLE),
				document.get(SECTION_PATH), document.get(PASSAGE), document.get(CITATION), document.get(LANGUAGE),
				Collections.unmodifiableMap(tags), fused.score(), fused.bm25Rank(), fused.vectorRank(), similarity);
	}

	/**
	 * A filter that requires, for every key, one of its values; {@code null} when there
	 * are no filters.
	 */
	static Query filter(Map<String, Set<String>> filters) {
		if (filters.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		filters.forEach((key, values) -> {
			String field = key.equals(LANGUAGE) ? LANGUAGE : TAG_PREFIX + key;
			Query clause;
			if (values.size() == 1) {
				clause = new TermQuery(new Term(field, values.iterator().next()));
			}
			else {
				clause = new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
			}
			builder.add(clause, Occur.FILTER);
		});
		return builder.build();
	}

}
