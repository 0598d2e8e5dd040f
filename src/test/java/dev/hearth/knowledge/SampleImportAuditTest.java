package dev.hearth.knowledge;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import dev.hearth.privacy.AuditTrail;
import dev.hearth.retrieval.Fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The first-start sample import is in the audit trail (issue 13), with what it imported.
 */
class SampleImportAuditTest {

	@Test
	@SuppressWarnings("unchecked")
	void theSampleImportIsAudited() throws Exception {
		KnowledgeProperties properties = new KnowledgeProperties(52_428_800, new KnowledgeProperties.Chunk(1200, 200),
				"en", "all-minilm-l6-v2-q", List.of("customer", "business"), new KnowledgeProperties.Sample(true),
				new KnowledgeProperties.Search(Fusion.LINEAR, 5, 0),
				new KnowledgeProperties.Embedding(null, null, "mean"), new KnowledgeProperties.Batch(20, 104_857_600));
		KnowledgeStore store = mock(KnowledgeStore.class);
		java.util.concurrent.atomic.AtomicLong stored = new java.util.concurrent.atomic.AtomicLong();
		// the knowledge base holds exactly what the sample import stored, so it is never
		// abandoned
		when(store.counts()).thenAnswer((call) -> Map.of("documents", stored.get(), "faqEntries", 0L));
		DocumentImporter documents = mock(DocumentImporter.class);
		when(documents.importDocument(anyString(), any(), anyMap(), any(), eq("sample")))
			.thenThrow(new DocumentRejectedException(RejectionReason.CORRUPT, "test"))
			.thenAnswer((call) -> {
				stored.incrementAndGet();
				return null;
			});
		AuditTrail audit = mock(AuditTrail.class);
		new SampleKnowledgeBase(properties, store, documents, mock(FaqImporter.class), JsonMapper.builder().build(),
				mock(KnowledgeBase.class), audit)
			.run(null);
		ArgumentCaptor<Map<String, ?>> details = ArgumentCaptor.forClass(Map.class);
		verify(audit).record(eq("SAMPLE_IMPORTED"), eq("sample"), eq("sample-kb/"), details.capture());
		assertThat((Integer) details.getValue().get("documents")).isPositive();
		assertThat((List<String>) details.getValue().get("failed")).hasSize(1);
	}

}
