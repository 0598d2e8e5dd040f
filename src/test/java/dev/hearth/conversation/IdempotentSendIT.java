package dev.hearth.conversation;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotent sends: a message sent again with the same client id (the widget's retry
 * after a lost response) is stored once and answered once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdempotentSendIT {

	@LocalServerPort
	int port;

	@Autowired
	Conversations conversations;

	@Test
	void aRetryWithTheSameClientIdReturnsTheStoredMessageAndReply() throws Exception {
		HearthHttp http = new HearthHttp(this.port);
		HearthHttp.Chat chat = http.start();
		String body = "{\"text\": \"how long does a refund take?\", \"clientId\": \"m-1\"}";
		JsonNode first = http.json(send(http, chat, body));
		JsonNode again = http.json(send(http, chat, body));
		assertThat(again.get("message").get("seq").asInt()).isEqualTo(first.get("message").get("seq").asInt());
		assertThat(again.get("answer").get("seq").asInt()).isEqualTo(first.get("answer").get("seq").asInt());
		assertThat(again.get("answer").get("text").asString()).isEqualTo(first.get("answer").get("text").asString());
		assertThat(http.transcript(chat)).as("one question, one reply").hasSize(2);

		JsonNode other = http
			.json(send(http, chat, "{\"text\": \"how long does a refund take?\", \"clientId\": \"m-2\"}"));
		assertThat(other.get("message").get("seq").asInt()).as("another client id is another message").isEqualTo(3);
	}

	@Test
	void aQuestionStoredWithoutAReplyIsAnsweredOnceWhenItIsSentAgain() throws Exception {
		HearthHttp http = new HearthHttp(this.port);
		HearthHttp.Chat chat = http.start();
		// the first attempt stored the question, then the database went away before the
		// reply
		this.conversations.acceptCustomerMessage(UUID.fromString(chat.id()), "when are you open?", "lost-1");
		JsonNode retried = http.json(send(http, chat, "{\"text\": \"when are you open?\", \"clientId\": \"lost-1\"}"));
		assertThat(retried.get("message").get("seq").asInt()).isEqualTo(1);
		assertThat(retried.get("answer").get("seq").asInt()).isEqualTo(2);
		assertThat(http.transcript(chat)).hasSize(2);
	}

	@Test
	void aClientIdThatIsNotAnIdIsRefusedWithWhatToSend() throws Exception {
		HearthHttp http = new HearthHttp(this.port);
		HearthHttp.Chat chat = http.start();
		var refused = send(http, chat, "{\"text\": \"hello\", \"clientId\": \"has spaces in it\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("clientId must be 1 to 64 letters");
	}

	private static java.net.http.HttpResponse<String> send(HearthHttp http, HearthHttp.Chat chat, String body)
			throws Exception {
		return http.send("POST", "/api/widget/conversations/" + chat.id() + "/messages", body, chat.token());
	}

}
