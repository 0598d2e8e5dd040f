package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.stereotype.Service;

/**
 * Imports an FAQ file: entries are added or updated by id (an entry whose content did not
 * change is left alone), and with {@code replace} the entries missing from the file are
 * removed. Unreadable lines are reported and skipped; all readable entries are stored in
 * one transaction. Thread-safe.
 */
@Service
public class FaqImporter {

	private final FaqFileReader reader;

	private final EmbeddingModel embeddings;

	private final KnowledgeStore store;

	private final KnowledgeWriter writer;

	FaqImporter(JsonMapper json, KnowledgeProperties properties, EmbeddingModel embeddings, KnowledgeStore store,
			KnowledgeWriter writer) {
		this.reader = new FaqFileReader(json, properties.defaultLanguage());
		this.embeddings = embeddings;
		this.store = store;
		this.writer = writer;
	}

	/**
	 * @param text the file's content
	 * @param format its format
	 * @param replace remove entries that are not in the file
	 * @param source the file's name, for the import history
	 * @param actor who imports
	 * @throws IllegalArgumentException when not a single entry could be read
	 */
	public FaqImportResult importFaq(String text, FaqFormat format, boolean replace, String source, String actor) {
		FaqFileReader.Result read = this.reader.read(text, format);
		if (read.entries().isEmpty()) {
			String reasons = read.failures()
				.stream()
				.limit(5)
				.map((f) -> "line " + f.line() + ": " + f.reason())
				.collect(Collectors.joining("; "));
			throw new IllegalArgumentException("No FAQ entry could be read from this " + format.name() + " file"
					+ (reasons.isEmpty() ? " (it is empty)" : ": " + reasons));
		}
		Map<String, String> existing = this.store.faqHashes();
		Map<String, String> hashes = new HashMap<>();
		List<FaqEntry> changed = new ArrayList<>();
		int added = 0;
		int defaulted = 0;
		for (FaqEntry fileEntry : read.entries()) {
			FaqEntry entry = withAudience(fileEntry);
			defaulted += (entry != fileEntry) ? 1 : 0;
			String hash = DocumentImporter.sha256(canonical(entry));
			if (!hash.equals(existing.get(entry.id()))) {
				changed.add(entry);
				hashes.put(entry.id(), hash);
				if (!existing.containsKey(entry.id())) {
					added++;
				}
			}
		}
		Map<FaqEntry, List<float[]>> vectors = embed(changed);
		List<String> removed = new ArrayList<>();
		if (replace) {
			Set<String> inFile = read.entries().stream().map(FaqEntry::id).collect(Collectors.toSet());
			existing.keySet().stream().filter((id) -> !inFile.contains(id)).sorted().forEach(removed::add);
		}
		long revision = this.writer.saveFaq(vectors, hashes, removed, source, actor);
		for (FaqFileReader.Failure failure : read.failures()) {
			this.writer.recordFailure("FAQ", source + ":" + failure.line(), failure.reason(), actor);
		}
		int entries = this.store.counts().get("faqEntries").intValue();
		return new FaqImportResult(added, changed.size() - added, read.entries().size() - changed.size(),
				removed.size(), entries, read.failures(), revision, defaulted);
	}

	/**
	 * Adds or replaces one FAQ entry (as edited in the console), embedding its phrasings;
	 * an entry whose content did not change is left alone.
	 * @param entry the entry
	 * @param actor who edits, for the import history
	 * @return ADDED, UPDATED or UNCHANGED
	 */
	public ImportOutcome saveEntry(FaqEntry given, String actor) {
		FaqEntry entry = withAudience(given);
		Map<String, String> existing = this.store.faqHashes();
		String hash = DocumentImporter.sha256(canonical(entry));
		if (hash.equals(existing.get(entry.id()))) {
			return ImportOutcome.UNCHANGED;
		}
		this.writer.saveFaq(embed(List.of(entry)), Map.of(entry.id(), hash), List.of(), "faq/" + entry.id(), actor);
		return existing.containsKey(entry.id()) ? ImportOutcome.UPDATED : ImportOutcome.ADDED;
	}

	/** The entry, with the FAQ's default audience when it has no audience tag. */
	private static FaqEntry withAudience(FaqEntry entry) {
		Map<String, List<String>> tags = Audiences.withDefault(entry.tags(), Audiences.FAQ_DEFAULT);
		return (tags == entry.tags()) ? entry
				: new FaqEntry(entry.id(), entry.question(), entry.examples(), entry.answer(), entry.language(), tags);
	}

	private Map<FaqEntry, List<float[]>> embed(List<FaqEntry> entries) {
		List<String> texts = new ArrayList<>();
		for (FaqEntry entry : entries) {
			texts.addAll(entry.phrasings());
		}
		List<float[]> all = texts.isEmpty() ? List.of() : this.embeddings.embed(texts);
		Map<FaqEntry, List<float[]>> vectors = new LinkedHashMap<>();
		int next = 0;
		for (FaqEntry entry : entries) {
			int count = entry.phrasings().size();
			vectors.put(entry, all.subList(next, next + count));
			next += count;
		}
		return vectors;
	}

	private static String canonical(FaqEntry entry) {
		return String.join("\u0001", entry.id(), String.valueOf(entry.question()),
				String.join("\u0002", entry.examples()), entry.answer(), entry.language(), entry.tags().toString());
	}

}
