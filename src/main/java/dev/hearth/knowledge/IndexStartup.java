package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, makes the derived state match PostgreSQL: vectors made by another
 * embedding model are re-embedded, and an index that is missing, stale or built for
 * another model is rebuilt.
 */
@Component
@Order(10)
class IndexStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IndexStartup.class);

	private static final int BATCH = 256;

	private final KnowledgeStore store;

	private final KnowledgeIndex index;

	private final KnowledgeWriter writer;

	private final EmbeddingModel embeddings;

	private final TransactionTemplate transactions;

	IndexStartup(KnowledgeStore store, KnowledgeIndex index, KnowledgeWriter writer, EmbeddingModel embeddings,
			TransactionTemplate transactions) {
		this.store = store;
		this.index = index;
		this.writer = writer;
		this.embeddings = embeddings;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.writer.locked(() -> {
			Optional<String> stored = this.store.embeddingModel();
			if (stored.isEmpty()) {
				this.store.setEmbeddingModel(this.index.fingerprint());
			}
			else if (!stored.get().equals(this.index.fingerprint())) {
				reembed(stored.get());
			}
			return null;
		});
		long revision = this.store.revision();
		if (!this.index.isFresh(revision)) {
			log.info("The index is at revision {} ({}), PostgreSQL at {} ({}): rebuilding",
					this.index.passages().revision(), this.index.passages().fingerprint(), revision,
					this.index.fingerprint());
			this.writer.rebuildIndex();
		}
		else {
			log.info("The index is fresh: {} passages at revision {}", this.index.passages().size(), revision);
		}
	}

	private void reembed(String previous) {
		log.warn("Stored vectors come from {}, the configured model is {}: re-embedding the knowledge base", previous,
				this.index.fingerprint());
		List<Object[]> chunks = this.store.chunkTexts();
		for (int from = 0; from < chunks.size(); from += BATCH) {
			List<Object[]> batch = chunks.subList(from, Math.min(chunks.size(), from + BATCH));
			List<float[]> vectors = this.embeddings.embed(texts(batch, 1));
			this.transactions.executeWithoutResult((status) -> {
				for (int i = 0; i < batch.size(); i++) {
					this.store.updateChunkEmbedding((UUID) batch.get(i)[0], vectors.get(i));
				}
			});
		}
		List<Object[]> phrasings = this.store.phrasingTexts();
		for (int from = 0; from < phrasings.size(); from += BATCH) {
			List<Object[]> batch = phrasings.subList(from, Math.min(phrasings.size(), from + BATCH));
			List<float[]> vectors = this.embeddings.embed(texts(batch, 2));
			this.transactions.executeWithoutResult((status) -> {
				for (int i = 0; i < batch.size(); i++) {
					this.store.updatePhrasingEmbedding((String) batch.get(i)[0], (Integer) batch.get(i)[1],
							vectors.get(i));
				}
			});
		}
		this.transactions.executeWithoutResult((status) -> {
			this.store.setEmbeddingModel(this.index.fingerprint());
			long revision = this.store.bumpRevision();
			// every vector changed: other replicas rebuild their indexes
			this.writer.logChange(revision, List.of(KnowledgeStore.IndexChange.EVERYTHING));
		});
		log.info("Re-embedded {} chunks and {} FAQ phrasings", chunks.size(), phrasings.size());
	}

	private static List<String> texts(List<Object[]> rows, int column) {
		List<String> texts = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			texts.add((String) row[column]);
		}
		return texts;
	}

}
