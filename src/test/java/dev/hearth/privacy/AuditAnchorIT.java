package dev.hearth.privacy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hearth.console.ConsoleUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Audit checkpoints anchored outside PostgreSQL (issue 13, ADR 0022): after a purge, the
 * checkpoint and the chain's head go to an append-only file, a loopback webhook and a
 * loopback syslog collector; the verification agrees with the database until someone with
 * database access rewrites the trail after the checkpoint (which the chain alone cannot
 * see) or the file loses a record. The console's retention page (admins only, EN and DE)
 * shows the policy, the purges from the audit trail and "verified up to checkpoint N".
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditAnchorIT {

	static final Path FILE;

	static final HttpServer WEBHOOK;

	static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

	static final DatagramSocket SYSLOG;

	/** Every syslog message received, as a collector stores them. */
	static final List<String> SYSLOG_LINES = new CopyOnWriteArrayList<>();

	static {
		try {
			FILE = Files.createTempDirectory("hearth-anchor").resolve("anchors/audit-anchors.jsonl");
			WEBHOOK = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			// the receiver keeps what it is sent and lists it (JSON lines) on GET
			WEBHOOK.createContext("/anchor", (exchange) -> {
				if (exchange.getRequestMethod().equals("GET")) {
					byte[] body = String.join("\n", RECEIVED).getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
					exchange.sendResponseHeaders(200, body.length);
					exchange.getResponseBody().write(body);
				}
				else {
					RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
					exchange.sendResponseHeaders(204, -1);
				}
				exchange.close();
			});
			WEBHOOK.start();
			SYSLOG = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			SYSLOG.setSoTimeout(5_000);
		}
		catch (Exception ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@DynamicPropertySource
	static void anchors(DynamicPropertyRegistry registry) {
		registry.add("hearth.privacy.audit-anchor.file", FILE::toString);
		registry.add("hearth.privacy.audit-anchor.webhook-url",
				() -> "http://127.0.0.1:" + WEBHOOK.getAddress().getPort() + "/anchor");
		registry.add("hearth.privacy.audit-anchor.webhook-records-url",
				() -> "http://127.0.0.1:" + WEBHOOK.getAddress().getPort() + "/anchor");
		registry.add("hearth.privacy.audit-anchor.syslog-host", () -> "127.0.0.1");
		registry.add("hearth.privacy.audit-anchor.syslog-port", () -> SYSLOG.getLocalPort());
	}

	@AfterAll
	static void stop() {
		WEBHOOK.stop(0);
		SYSLOG.close();
	}

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditAnchors anchors;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Test
	void checkpointsAreAnchoredOutsideTheDatabaseAndARewrittenTrailIsFound() throws Exception {
		assertThat(this.anchors.anchors()).containsExactly("file", "syslog", "webhook");
		// anchors of an earlier run on this database went to a file and servers that are
		// gone
		this.jdbc.sql("delete from audit_checkpoint_anchor").update();
		this.audit.record("ANCHOR_TEST", "tester", "old", Map.of("n", 1));
		this.audit.record("ANCHOR_TEST", "tester", "old", Map.of("n", 2));
		assertThat(this.audit.purgeBefore(Instant.now().plusSeconds(1), 100_000)).isPositive();
		long checkpoint = this.jdbc.sql("select max(id) from audit_checkpoint").query(Long.class).single();
		this.audit.record("ANCHOR_TEST", "tester", "genuine", Map.of("n", 3));
		this.audit.record("RETENTION_PURGED", "retention", "transcripts",
				Map.of("cutoff", "2025-01-01T00:00:00Z", "purged", 7, "batches", 1));
		long head = this.jdbc.sql("select max(id) from audit_event").query(Long.class).single();

		assertThat(this.anchors.run()).as("the checkpoint(s) and the head, to three sinks").isGreaterThanOrEqualTo(6);
		String hash = this.jdbc.sql("select anchor_hash from audit_checkpoint where id = ?")
			.param(checkpoint)
			.query(String.class)
			.single();
		assertThat(Files.readString(FILE)).contains("\"checkpoint\":" + checkpoint, hash, "\"eventId\":" + head);
		assertThat(RECEIVED).anySatisfy((body) -> assertThat(body).contains("\"checkpoint\":" + checkpoint, hash))
			.anySatisfy((body) -> assertThat(body).contains("\"kind\":\"head\"", "\"eventId\":" + head));
		assertThat(syslog(hash)).startsWith("<110>1 ").contains(" hearth - AUDIT_ANCHOR - ");
		assertThat(this.anchors.run()).as("nothing new: nothing written again").isZero();

		AuditAnchors.Result intact = this.anchors.verify();
		assertThat(intact.valid()).as(intact.detail()).isTrue();
		assertThat(intact.verifiedThroughCheckpoint()).isEqualTo(checkpoint);
		assertThat(intact.verifiedThroughEvent()).isEqualTo(head);
		// the webhook receiver's copy is read back and compared like the file
		assertThat(intact.compared()).extracting(AuditAnchors.Comparison::anchor).containsExactly("file", "webhook");
		assertThat(intact.compared()).allSatisfy((c) -> {
			assertThat(c.valid()).as(c.anchor() + ": " + c.problems()).isTrue();
			assertThat(c.verifiedThroughCheckpoint()).isEqualTo(checkpoint);
			assertThat(c.verifiedThroughEvent()).isEqualTo(head);
		});
		// the syslog collector's copy, as an operator exports it, compared on request
		syslog("\"eventId\":" + head);
		String syslogCopy = String.join("\n", SYSLOG_LINES);
		this.mvc
			.perform(post("/api/admin/audit/anchors/compare?anchor=syslog").with(ConsoleUsers.admin("ada"))
				.contentType(MediaType.TEXT_PLAIN)
				.content(syslogCopy))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"valid\":true")))
			.andExpect(content().string(containsString("\"verifiedThroughCheckpoint\":" + checkpoint)));
		this.mvc
			.perform(post("/api/admin/audit/anchors/compare?anchor=syslog").with(ConsoleUsers.agent("agnes"))
				.contentType(MediaType.TEXT_PLAIN)
				.content(syslogCopy))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/admin/audit/anchors/compare?anchor=tape").with(ConsoleUsers.admin("ada"))
				.contentType(MediaType.TEXT_PLAIN)
				.content(syslogCopy))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("anchor must be file, syslog or webhook")));
		this.mvc
			.perform(post("/api/admin/audit/anchors/compare").with(ConsoleUsers.admin("ada"))
				.contentType(MediaType.TEXT_PLAIN)
				.content(" "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("send the records")));
		// a copy exported by hand as a JSON array is read the same way
		AuditAnchors.Result exportedWebhook = this.anchors.compare("webhook", "[" + String.join(",", RECEIVED) + "]");
		assertThat(exportedWebhook.valid()).as(exportedWebhook.detail()).isTrue();
		assertThat(exportedWebhook.verifiedThroughEvent()).isEqualTo(head);
		AuditAnchors.Result lostDatagram = this.anchors.compare("syslog",
				SYSLOG_LINES.stream()
					.filter((line) -> !line.contains("\"checkpoint\":" + checkpoint + ","))
					.reduce("", (a, b) -> a + b + "\n"));
		assertThat(lostDatagram.valid()).isFalse();
		assertThat(lostDatagram.detail()).contains("checkpoint " + checkpoint, "lost in transit over UDP");

		this.mvc.perform(get("/console/admin/retention").with(ConsoleUsers.agent("agnes")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/admin/retention").with(ConsoleUsers.admin("ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("verified up to checkpoint " + checkpoint)))
			.andExpect(content().string(containsString("Transcripts (conversations")))
			.andExpect(content().string(containsString("2,555 days")))
			.andExpect(content().string(containsString("<td class=\"num\">7</td>")))
			.andExpect(content().string(containsString("Anchored outside the database in: file, syslog, webhook")));
		this.mvc.perform(get("/console/admin/retention").with(ConsoleUsers.admin("ada")).locale(Locale.GERMAN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("bis Prüfpunkt " + checkpoint + " verifiziert")));
		this.mvc.perform(get("/api/admin/audit/anchors").with(ConsoleUsers.admin("ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"valid\":true")));

		// someone with database access rewrites what followed the checkpoint: the chain
		// alone still verifies, the anchored head does not
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("set local session_replication_role = replica").update();
			this.jdbc.sql("delete from audit_event where id > ? and kind <> 'AUDIT_CHECKPOINT'")
				.param(this.jdbc.sql("select max(id) from audit_event where kind = 'AUDIT_CHECKPOINT'")
					.query(Long.class)
					.single())
				.update();
		});
		this.audit.record("ANCHOR_TEST", "tester", "forged", Map.of("n", 3));
		assertThat(this.audit.verify().valid()).as("the rewritten chain is consistent in itself").isTrue();
		AuditAnchors.Result rewritten = this.anchors.verify();
		assertThat(rewritten.valid()).isFalse();
		assertThat(rewritten.detail()).contains("file: event " + head, "webhook: event " + head);
		assertThat(this.anchors.compare("syslog", syslogCopy).detail()).contains("event " + head);
		this.mvc.perform(get("/console/admin/retention").with(ConsoleUsers.admin("ada")))
			.andExpect(content().string(containsString("The audit log does not verify")));

		// the anchor file loses its records: the database knows they were written
		Files.writeString(FILE, "");
		AuditAnchors.Result truncated = this.anchors.verify();
		assertThat(truncated.valid()).isFalse();
		assertThat(truncated.detail()).contains("checkpoint " + checkpoint + " was written to the anchor file");
		// whoever can write both the database and the file also hides what the database
		// says was written to it: the webhook receiver's copy still finds the rewrite
		this.jdbc.sql("delete from audit_checkpoint_anchor where anchor = 'file'").update();
		AuditAnchors.Result fileForged = this.anchors.verify();
		assertThat(fileForged.compared()).filteredOn((c) -> c.anchor().equals("file"))
			.singleElement()
			.satisfies((c) -> assertThat(c.valid()).isTrue());
		assertThat(fileForged.valid()).isFalse();
		assertThat(fileForged.detail()).contains("webhook: event " + head).doesNotContain("file:");
		// later anchors start from the current head again
		this.anchors.run();
	}

	/** The syslog message that carries {@code text} (every message read is kept). */
	private static String syslog(String text) throws Exception {
		for (String message : SYSLOG_LINES) {
			if (message.contains(text)) {
				return message;
			}
		}
		byte[] buffer = new byte[8192];
		for (int i = 0; i < 20; i++) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			SYSLOG.receive(packet);
			String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
			SYSLOG_LINES.add(message);
			if (message.contains(text)) {
				return message;
			}
		}
		throw new AssertionError("no syslog message with " + text);
	}

}
