package dev.hearth.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;

/**
 * Turns ranked Lucene document numbers into {@link Candidate}s, reading ids and group
 * keys from doc values (cheaper than stored fields for the hundred-odd candidates of a
 * query). Stateless.
 */
final class CandidateLoader {

	private CandidateLoader() {
	}

	/**
	 * Candidates in the given order, ranked 1, 2, ...
	 * @param docs document numbers, best first
	 * @param scores their scores, in the same order
	 */
	static List<Candidate> load(IndexSearcher searcher, int[] docs, float[] scores) throws IOException {
		int count = docs.length;
		String[] ids = new String[count];
		String[] groupKeys = new String[count];
		Integer[] byDoc = new Integer[count];
		for (int i = 0; i < count; i++) {
			byDoc[i] = i;
		}
		Arrays.sort(byDoc, (a, b) -> Integer.compare(docs[a], docs[b]));
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = null;
		SortedSetDocValues idValues = null;
		SortedSetDocValues groupValues = null;
		for (int i : byDoc) {
			int doc = docs[i];
			if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
				leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
				idValues = DocValues.getSortedSet(leaf.reader(), PassageSchema.ID);
				groupValues = DocValues.getSortedSet(leaf.reader(), PassageSchema.GROUP_KEY);
			}
			ids[i] = value(idValues, doc - leaf.docBase);
			groupKeys[i] = value(groupValues, doc - leaf.docBase);
		}
		List<Candidate> candidates = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			candidates.add(new Candidate(docs[i], ids[i], groupKeys[i], scores[i], i + 1));
		}
		return candidates;
	}

	private static String value(SortedSetDocValues values, int doc) throws IOException {
		if (!values.advanceExact(doc)) {
			throw new IllegalStateException("document " + doc + " has no id or group key; was it written by Hearth?");
		}
		return values.lookupOrd(values.nextOrd()).utf8ToString();
	}

}
