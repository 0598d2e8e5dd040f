package dev.hearth.assistant;

import dev.hearth.testing.Tables;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SystemProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An FAQ imported while no router is live (the first start on an empty database): its
 * questions are answered by the entry matcher, never declined as out of scope, and
 * readiness holds traffic while the first router trains and while a version another
 * replica put live is not loaded here. The entry matcher and the training are held by a
 * gate on the embedding model for their threads ({@code router-entries},
 * {@code router-training}: both embed the answers' sentences), and training starts on
 * demand ({@code hearth.assistant.router.train-on-change=false}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.assistant.router.train-on-change=false",
				"management.endpoint.health.group.readiness.show-components=always",
				"management.endpoint.health.group.readiness.show-details=always" })
@ActiveProfiles("test")
@Import(RouterNotLiveIT.Gate.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouterNotLiveIT {

	private static final String FAQ = """
			{"id": "refund-time", "question": "How long does a refund take?", "answer": "Refunds reach your bank account within five working days. We start the refund as soon as the returned item arrives at our warehouse. You get an email when the money is on its way."}
			{"id": "pay-bill", "question": "How can I pay my bill?", "answer": "You can pay your invoice by direct debit, credit card or bank transfer. Direct debit is taken on the first working day of each month. Card payments are made in the app under Billing."}
			{"id": "opening-hours", "question": "When are you open?", "answer": "Our support team is available Monday to Friday from eight in the morning to eight in the evening. On Saturdays we are open from nine to five. We are closed on Sundays and public holidays."}
			{"id": "restart-router", "question": "How do I restart my router?", "answer": "Unplug the router from the power socket and wait thirty seconds. Plug it back in and wait until the lights turn green. If the internet light stays red, call our technical support."}
			{"id": "moving", "question": "What do I do when I move house?", "answer": "Tell us your new address at least four weeks before your moving date. An engineer connects your new home on the day you arrive. Moving your contract is free of charge."}
			{"id": "wifi-password", "question": "Where do I find my Wi-Fi password?", "answer": "The wireless network name and password are printed on the sticker under your router. You can change the password in the router settings page. Write the new password down somewhere safe."}
			{"id": "cancel", "question": "How do I cancel my contract?", "answer": "You can end your contract with thirty days notice in writing or in the app. Cancelling during the minimum term costs the remaining monthly fees. Return the rented equipment within fourteen days."}
			{"id": "speed", "question": "Why is my internet slow?", "answer": "Slow connections are often caused by the wireless signal, not the line. Connect a computer with a network cable and run a speed test. If the cable speed is also low, report a fault in the app."}
			{"id": "data-roaming", "question": "Can I use my phone abroad?", "answer": "Calls, texts and mobile data work in every EU country at no extra cost. Outside the EU roaming charges apply per megabyte and per minute. Switch on roaming in your phone settings before you travel."}
			{"id": "late-payment", "question": "What happens if I pay late?", "answer": "If a payment is overdue we send a reminder after seven days. A late payment fee of five euros is added to the next invoice. After thirty days without payment the service may be suspended."}
			{"id": "upgrade", "question": "Can I switch to a faster plan?", "answer": "You can upgrade to a faster broadband package at any time in the app. The new speed is active within one working day. Your contract term starts again with the upgrade."}
			{"id": "tv-channels", "question": "Which TV channels are included?", "answer": "The basic television package includes sixty channels, among them all public broadcasters. Sports and film channels can be added as monthly options. The channel list is in the TV guide of your set-top box."}
			""";

	private static final long WAIT_MILLIS = 60_000;

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private String adminToken;

	@BeforeAll
	void faqWithoutRouter() throws Exception {
		Tables.truncate(this.jdbc,
				"kb_document, faq_entry, kb_import_event, conversation, router_model, assistant_setting cascade");
		// another context of this JVM may have left its router live here
		this.jdbc.sql("select pg_notify('hearth_router', 'retired')").query((rs) -> {
		});
		this.adminToken = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
		assertThat(admin("POST", "/api/admin/index/rebuild", null).statusCode()).isEqualTo(200);
	}

	@AfterAll
	void openGate() {
		Gate.open();
	}

	@Test
	void theFaqAnswersBeforeAndAfterTheFirstRouterAndReadinessWaitsForIt() throws Exception {
		// the FAQ is imported; its entry matcher is held at the gate: readiness waits,
		// and
		// a question no document answers is not declined as out of scope
		Gate.close();
		try {
			assertThat(admin("POST", "/api/admin/faq?format=jsonl", FAQ).statusCode()).isEqualTo(200);
			JsonNode indexing = awaitReadiness((router) -> "OUT_OF_SERVICE".equals(router.path("status").asString()));
			assertThat(indexing.path("components").path("router").path("details").path("reason").asString())
				.isEqualTo("The FAQ entries are being indexed for matching");
			JsonNode unjudged = ask("how long does a refund take?");
			assertThat(unjudged.get("decision").asString()).as(unjudged.toString()).isEqualTo("ESCALATE");
			assertThat(unjudged.get("reason").asString()).as(unjudged.toString()).isEqualTo("LOW_CONFIDENCE");
		}
		finally {
			Gate.open();
		}

		// no router is trained (on demand only): the entry matcher answers, the replica
		// is
		// ready
		// (the whole replica's readiness, not only the router's: on a loaded machine the
		// index rebuild of the set-up may still be settling)
		JsonNode ready = awaitReadiness((router) -> "entries".equals(router.path("details").path("matcher").asString()),
				true);
		assertThat(ready.path("status").asString()).isEqualTo("UP");
		assertThat(routerStatus().get("liveVersion").isNull()).isTrue();
		assertAnsweredByRefundEntry(ask("how long will it take to get my money back?"));
		assertThat(ask("who won the football world cup in 1998?").path("answeredBy").asString("")).isNotEqualTo("faq");

		// the first router trains, held at the gate: readiness is out of service, the
		// entry matcher still answers
		Gate.close();
		try {
			assertThat(admin("POST", "/api/admin/router/train?wait=false", null).statusCode()).isEqualTo(202);
			JsonNode training = awaitReadiness((router) -> "OUT_OF_SERVICE".equals(router.path("status").asString()));
			assertThat(training.path("status").asString()).isEqualTo("OUT_OF_SERVICE");
			assertThat(training.path("components").path("router").path("details").path("reason").asString())
				.isEqualTo("The first FAQ router is being trained");
			assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertAnsweredByRefundEntry(ask("how long does a refund take?"));
		}
		finally {
			Gate.open();
		}
		JsonNode live = awaitReadiness((router) -> "router".equals(router.path("details").path("matcher").asString()));
		assertThat(live.path("status").asString()).isEqualTo("UP");
		int version = routerStatus().get("liveVersion").asInt();
		assertAnsweredByRefundEntry(ask("how long does a refund take?"));

		// another replica put a version live: out of service until it is loaded here
		this.jdbc
			.sql("""
					insert into router_model (status, kb_revision, examples, labels, model, suggested_threshold, checks,
					    training_millis, live_at)
					select 'TRAINING', kb_revision, examples, labels, model, suggested_threshold, checks, training_millis, now()
					from router_model where version = ?
					""")
			.param(version)
			.update();
		this.jdbc.sql("update router_model set status = 'RETIRED' where version = ?").param(version).update();
		this.jdbc.sql("update router_model set status = 'LIVE' where version > ?").param(version).update();
		JsonNode behind = awaitReadiness((router) -> "OUT_OF_SERVICE".equals(router.path("status").asString()));
		assertThat(behind.path("components").path("router").path("details").path("reason").asString())
			.contains("is live but not loaded on this replica yet");
		this.jdbc.sql("select pg_notify('hearth_router', 'test')").query((rs) -> {
		});
		JsonNode loaded = awaitReadiness((router) -> "UP".equals(router.path("status").asString()));
		assertThat(loaded.path("components").path("router").path("details").path("liveVersion").asInt())
			.isGreaterThan(version);
	}

	private static void assertAnsweredByRefundEntry(JsonNode answer) {
		assertThat(answer.get("decision").asString()).as(answer.toString()).isEqualTo("ANSWERED");
		assertThat(answer.get("faqId").asString()).as(answer.toString()).isEqualTo("refund-time");
		assertThat(answer.get("answeredBy").asString()).as(answer.toString()).isEqualTo("faq");
	}

	/** Polls readiness until the router contributor fits; returns the whole group. */
	private JsonNode awaitReadiness(Predicate<JsonNode> router) throws Exception {
		return awaitReadiness(router, false);
	}

	/**
	 * @param router what the router's contributor must show
	 * @param up whether the whole replica must be ready as well
	 */
	private JsonNode awaitReadiness(Predicate<JsonNode> router, boolean up) throws Exception {
		long deadline = System.currentTimeMillis() + WAIT_MILLIS;
		JsonNode health;
		do {
			HttpResponse<String> response = get("/actuator/health/readiness");
			health = this.json.readTree(response.body());
			JsonNode contributor = health.path("components").path("router");
			if (router.test(contributor) && (!up || "UP".equals(health.path("status").asString()))) {
				assertThat(response.statusCode()).as(response.body())
					.isEqualTo("UP".equals(health.path("status").asString()) ? 200 : 503);
				return health;
			}
			Thread.sleep(100);
		}
		while (System.currentTimeMillis() < deadline);
		throw new AssertionError("readiness did not reach the expected state: " + health);
	}

	private JsonNode routerStatus() throws Exception {
		HttpResponse<String> response = admin("GET", "/api/admin/router", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private JsonNode ask(String question) throws Exception {
		HttpResponse<String> response = admin("POST", "/api/admin/answer",
				this.json.writeValueAsString(Map.of("question", question)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> admin(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + this.adminToken);
		if (body != null && path.equals("/api/admin/answer")) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Holds the embedding model's calls on the router's threads while closed: building
	 * the entry matcher or a training then stays under way until the test opens it.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Gate {

		private static volatile CountDownLatch latch = new CountDownLatch(0);

		static void close() {
			latch = new CountDownLatch(1);
		}

		static void open() {
			latch.countDown();
		}

		@Bean
		static BeanPostProcessor gatedEmbeddings() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof EmbeddingModel model)) {
						return bean;
					}
					return Proxy.newProxyInstance(RouterNotLiveIT.class.getClassLoader(),
							new Class<?>[] { EmbeddingModel.class, AutoCloseable.class }, (proxy, method, args) -> {
								if (Thread.currentThread().getName().startsWith("router-")
										&& !latch.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
									throw new IllegalStateException("the test did not open the gate");
								}
								if (method.getName().equals("close") && !(model instanceof AutoCloseable)) {
									return null;
								}
								try {
									return method.invoke(model, args);
								}
								catch (InvocationTargetException ex) {
									throw ex.getCause();
								}
							});
				}
			};
		}

	}

}
