package dev.hearth.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation numbers its messages with the statement that locks it (V37): numbers are
 * contiguous under concurrent writers, messages written without the column are counted,
 * and a retry of a customer message takes no number.
 */
@SpringBootTest
@ActiveProfiles("test")
class MessageNumberingIT {

	@Autowired
	Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentMessagesOfOneConversationGetOneNumberEach() throws Exception {
		UUID id = this.conversations.start("en");
		int writers = 8;
		List<Callable<Integer>> sends = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		for (int i = 0; i < writers; i++) {
			String text = "question " + i;
			String clientId = "c-" + i;
			sends.add(() -> {
				start.await();
				return this.conversations.acceptCustomerMessage(id, text, clientId).message().seq();
			});
		}
		List<Integer> seqs = run(sends, start);
		assertThat(seqs).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
		assertThat(lastSeq(id)).isEqualTo(8);
	}

	@Test
	void concurrentRetriesOfOneMessageStoreItOnce() throws Exception {
		UUID id = this.conversations.start("en");
		this.conversations.addCustomerMessage(id, "hello");
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Integer>> sends = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			sends.add(() -> {
				start.await();
				return this.conversations.acceptCustomerMessage(id, "where is my order?", "retried").message().seq();
			});
		}
		assertThat(run(sends, start)).as("every attempt gets the one stored message").containsOnly(2);
		assertThat(this.conversations.transcript(id)).hasSize(2);
		assertThat(lastSeq(id)).as("the retries' numbers are given back").isEqualTo(2);
		assertThat(this.conversations.acceptCustomerMessage(id, "and another", null).message().seq()).isEqualTo(3);
	}

	@Test
	void aMessageWrittenWithoutTheColumnIsCounted() {
		UUID id = this.conversations.start("en");
		this.conversations.addCustomerMessage(id, "first");
		// as a replica of the previous release writes: max(seq) + 1, last_seq untouched
		this.jdbc.sql("""
				insert into conversation_message (conversation_id, seq, role, text)
				values (?, 2, 'AGENT', 'written by the previous release')
				""").param(id).update();
		assertThat(lastSeq(id)).isEqualTo(1);
		assertThat(this.conversations.addSystemMessage(id, "next").seq()).isEqualTo(3);
		assertThat(lastSeq(id)).isEqualTo(3);
	}

	@Test
	void aReplyMarksTheConversationActive() {
		UUID id = this.conversations.start("en");
		this.jdbc.sql("update conversation set last_activity = now() - interval '1 hour' where id = ?")
			.param(id)
			.update();
		Message question = this.conversations.addCustomerMessage(id, "when are you open?");
		this.conversations.addHandoffNotice(id, question.seq(), Conversations.Kept.NOTHING, "A person will answer.",
				new HandoffDetails("LIVE", "test", 60L));
		assertThat(this.jdbc.sql("select last_activity > now() - interval '1 minute' from conversation where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	private int lastSeq(UUID id) {
		return this.jdbc.sql("select last_seq from conversation where id = ?").param(id).query(Integer.class).single();
	}

	private static List<Integer> run(List<Callable<Integer>> sends, CountDownLatch start) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(sends.size())) {
			List<Future<Integer>> results = new ArrayList<>();
			for (Callable<Integer> send : sends) {
				results.add(pool.submit(send));
			}
			start.countDown();
			List<Integer> seqs = new ArrayList<>();
			for (Future<Integer> result : results) {
				seqs.add(result.get());
			}
			return seqs;
		}
	}

}
