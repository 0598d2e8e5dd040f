package dev.hearth.kbimport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands end to end against {@link FakeHearth}. */
class KbImportTest {

	@TempDir
	Path temp;

	FakeHearth hearth;

	Cli cli;

	Path docs;

	@BeforeEach
	void start() throws IOException {
		this.hearth = new FakeHearth();
		this.cli = new Cli(this.temp.resolve("home")).env("HEARTH_URL", this.hearth.url())
			.env("HEARTH_TOKEN", FakeHearth.TOKEN);
		this.docs = this.temp.resolve("docs");
		write("docs/index.md", "# Welcome");
		write("docs/guide/install.md", "# Install");
		write("docs/guide/.draft.md", "# Draft");
		write("docs/secret.pdf", "%PDF encrypted");
	}

	@AfterEach
	void stop() {
		this.hearth.close();
	}

	@Test
	void importsAFolderThenOnlyWhatChangedThenPrunes() throws IOException {
		this.hearth.unimportable.put("docs/secret.pdf", "encrypted PDF: remove the password and import again");
		Cli.Result first = this.cli.run("import", this.docs.toString(), "--tag", "product=router", "--parallel", "3");
		assertThat(first.exitCode()).isEqualTo(1);
		assertThat(first.out()).isEqualTo("""
				Imported: 2 added, 0 updated, 0 unchanged, 0 removed, 1 failed.
				Failed:
				  docs/secret.pdf: encrypted PDF: remove the password and import again
				""");
		assertThat(this.hearth.documents).containsOnlyKeys("docs/index.md", "docs/guide/install.md");
		assertThat(this.hearth.documents.get("docs/index.md").tags).isEqualTo(Map.of("product", List.of("router")));
		assertThat(first.err()).isEmpty();

		this.hearth.unimportable.clear();
		this.hearth.requests.clear();
		write("docs/index.md", "# Welcome, changed");
		Cli.Result second = this.cli.run("import", this.docs.toString(), "--tag", "product=router");
		assertThat(second.exitCode()).isZero();
		assertThat(second.out()).isEqualTo("Imported: 1 added, 1 updated, 1 unchanged, 0 removed, 0 failed.\n");
		assertThat(this.hearth.writes()).hasSize(2).allMatch((request) -> request.startsWith("PUT"));
		assertThat(this.hearth.requests.stream().filter((request) -> request.startsWith("GET /api/admin/documents")))
			.hasSize(1);

		Files.delete(this.docs.resolve("guide/install.md"));
		this.hearth.put("elsewhere/keep.md", "keep", Map.of(), "en");
		Cli.Result third = this.cli.run("import", this.docs.toString(), "--tag", "product=router", "--prune");
		assertThat(third.out()).isEqualTo("Imported: 0 added, 0 updated, 2 unchanged, 1 removed, 0 failed.\n");
		assertThat(this.hearth.documents).containsOnlyKeys("docs/index.md", "docs/secret.pdf", "elsewhere/keep.md");
	}

	@Test
	void manyFilesGoInFewRequestsAndEachFileKeepsItsOwnResult() throws IOException {
		for (int i = 1; i <= 11; i++) {
			write("many/doc-" + String.format("%02d", i) + ".md", "# Doc " + i);
		}
		write("many/locked.pdf", "%PDF encrypted");
		this.hearth.unimportable.put("many/locked.pdf", "encrypted PDF: remove the password and import again");
		Cli.Result first = this.cli.run("import", this.temp.resolve("many").toString(), "--tag", "product=router");
		assertThat(first.exitCode()).isEqualTo(1);
		assertThat(first.out()).isEqualTo("""
				Imported: 11 added, 0 updated, 0 unchanged, 0 removed, 1 failed.
				Failed:
				  many/locked.pdf: encrypted PDF: remove the password and import again
				""");
		assertThat(this.hearth.writes()).as("two workers: two requests of six files")
			.containsExactly("POST /api/admin/documents?tag=product%3Arouter",
					"POST /api/admin/documents?tag=product%3Arouter");
		assertThat(this.hearth.batches).extracting(List::size).containsExactly(6, 6);
		assertThat(this.hearth.documents.get("many/doc-07.md").tags).isEqualTo(Map.of("product", List.of("router")));

		this.hearth.unimportable.clear();
		this.hearth.requests.clear();
		write("many/doc-01.md", "# Doc 1, changed");
		write("many/doc-02.md", "# Doc 2, changed");
		write("many/doc-03.md", "# Doc 3, changed");
		Cli.Result second = this.cli.run("import", this.temp.resolve("many").toString(), "--tag", "product=router",
				"--batch", "1");
		assertThat(second.exitCode()).isZero();
		assertThat(second.out()).isEqualTo("Imported: 1 added, 3 updated, 8 unchanged, 0 removed, 0 failed.\n");
		assertThat(this.hearth.writes()).hasSize(4).allMatch((request) -> request.startsWith("PUT"));
	}

	@Test
	void theServersLimitCapsTheFilesPerRequest() throws IOException {
		for (int i = 1; i <= 7; i++) {
			write("many/doc-" + i + ".md", "# Doc " + i);
		}
		this.hearth.maxBatchFiles = 3;
		Cli.Result result = this.cli.run("import", this.temp.resolve("many").toString(), "--parallel", "1");
		assertThat(result.out()).isEqualTo("Imported: 7 added, 0 updated, 0 unchanged, 0 removed, 0 failed.\n");
		assertThat(this.hearth.batches).extracting(List::size).containsExactly(3, 3);
		assertThat(this.hearth.writes()).as("the last file alone goes by PUT")
			.hasSize(3)
			.last()
			.asString()
			.startsWith("PUT /api/admin/documents?source=many%2Fdoc-7.md");
	}

	@Test
	void aServerWithoutMultiDocumentUploadsGetsOneFileARequest() throws IOException {
		this.hearth.maxBatchFiles = 0;
		for (int i = 1; i <= 6; i++) {
			write("many/doc-" + i + ".md", "# Doc " + i);
		}
		Cli.Result result = this.cli.run("import", this.temp.resolve("many").toString());
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("Imported: 6 added, 0 updated, 0 unchanged, 0 removed, 0 failed.\n");
		assertThat(this.hearth.writes()).hasSize(6).allMatch((request) -> request.startsWith("PUT"));
	}

	@Test
	void aRequestRefusedWholeIsSentAgainFileByFile() throws IOException {
		for (int i = 1; i <= 6; i++) {
			write("many/doc-" + i + ".md", "# Doc " + i);
		}
		this.hearth.unimportable.put("many/doc-4.md", "corrupt: the file is damaged");
		this.hearth.refuseBatches = 413;
		Cli.Result result = this.cli.run("import", this.temp.resolve("many").toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEqualTo("""
				Imported: 5 added, 0 updated, 0 unchanged, 0 removed, 1 failed.
				Failed:
				  many/doc-4.md: corrupt: the file is damaged
				""");
		assertThat(this.hearth.writes()).filteredOn((request) -> request.startsWith("POST")).hasSize(2);
		assertThat(this.hearth.writes()).filteredOn((request) -> request.startsWith("PUT")).hasSize(6);
	}

	@Test
	void aRefusedTokenDuringABatchLeavesTheRestNotAttempted() throws IOException {
		for (int i = 1; i <= 6; i++) {
			write("many/doc-" + i + ".md", "# Doc " + i);
		}
		this.hearth.refuseBatches = 401;
		Cli.Result result = this.cli.run("import", this.temp.resolve("many").toString(), "--parallel", "1");
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.out()).contains("Not attempted: 6 files, because the server became unavailable.");
		assertThat(result.err()).contains("the server refused the token");
		assertThat(this.hearth.documents).isEmpty();
	}

	@Test
	void dryRunShowsThePlanAndChangesNothing() throws IOException {
		this.hearth.put("kb/index.md", "# Welcome", Map.of(), "en");
		this.hearth.put("kb/guide/install.md", "# Old install", Map.of(), "en");
		this.hearth.put("kb/gone.md", "gone", Map.of(), "en");
		this.hearth.maxDocumentBytes = 12;
		Cli.Result result = this.cli.run("import", this.docs.toString(), "--prefix", "kb", "--prune", "--dry-run");
		assertThat(result.out()).isEqualTo("""
				ACTION     SOURCE
				remove     kb/gone.md
				update     kb/guide/install.md
				unchanged  kb/index.md
				fail       kb/secret.pdf: too large: 14 B, the server accepts at most 12 B
				Dry run, nothing changed: 0 to add, 1 to update, 1 unchanged, 1 to remove, 1 would fail.
				""");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(this.hearth.writes()).isEmpty();
	}

	@Test
	void aTooLargeFileFailsWithoutUpload() {
		this.hearth.maxDocumentBytes = 12;
		Cli.Result result = this.cli.run("import", this.docs.resolve("secret.pdf").toString(),
				this.docs.resolve("index.md").toString(), "--language", "en");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).contains("1 added").contains("secret.pdf: too large: 14 B");
		assertThat(this.hearth.writes()).containsExactly("PUT /api/admin/documents?source=index.md&language=en");
	}

	@Test
	void gapsListsTheClustersAndWritesFaqSuggestions() {
		Cli.Result table = this.cli.run("gaps", "--from", "2026-10-22", "--min", "2");
		assertThat(table.exitCode()).isZero();
		assertThat(table.out()).contains("1. Can you recommend a restaurant nearby?  (3 times, 3 conversations)")
			.contains("also: Which restaurant would you recommend?")
			.contains("(no agent answer yet)")
			.contains("an agent answered: Not yet, sorry.");
		assertThat(this.hearth.requests)
			.contains("GET /api/admin/knowledge-gaps?limit=20&minOccurrences=2&from=2026-10-22");
		Cli.Result faq = this.cli.run("gaps", "--faq");
		assertThat(faq.out().lines().toList()).hasSize(2);
		assertThat(faq.out()).contains("\"id\":\"gap-1\"").contains("\"answer\":\"TODO: write the answer\"");
	}

	@Test
	void aRefusedTokenIsExitThreeWithWhatToDo() {
		Cli.Result result = this.cli.env("HEARTH_TOKEN", "wrong").run("status");
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.err())
			.isEqualTo("kb-import: the server refused the token — pass --token or set HEARTH_TOKEN\n");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void anUnreachableServerIsExitThree() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Cli.Result result = this.cli.run("import", this.docs.toString(), "--server", "http://127.0.0.1:" + port);
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.err()).isEqualTo("kb-import: cannot reach Hearth at http://127.0.0.1:" + port
				+ " — is the server running? (set --server or HEARTH_URL)\n");
	}

	@Test
	void somethingElseThanHearthAtTheAddressIsNamed() {
		Cli.Result result = this.cli.run("status", "--server", this.hearth.url() + "/not-hearth");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("kb-import: HTTP 404 to GET /not-hearth/api/admin/status without a Hearth"
				+ " answer — is " + this.hearth.url() + "/not-hearth a running Hearth server?\n");
	}

	@Test
	void aLocalServerNeedsNoTokenSetup() throws IOException {
		write("home/.hearth/admin-token", FakeHearth.TOKEN + "\n");
		Cli.Result result = new Cli(this.temp.resolve("home")).run("status", "--server", this.hearth.url());
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("documents         0").contains("largest document  976.6 KB");
	}

	@Test
	void statusAsTableAndJson() {
		this.hearth.put("docs/a.md", "a", Map.of(), "en");
		Cli.Result table = this.cli.run("status");
		assertThat(table.out()).isEqualTo("server            " + this.hearth.url() + "\n" + """
				documents         1
				chunks            3
				FAQ entries       0
				revision          7
				index             revision 7, 21 passages, fresh
				embedding model   all-minilm-l6-v2-q (384 dimensions)
				largest document  976.6 KB
				""");
		JsonNode json = Json.MAPPER.readTree(this.cli.run("status", "--json").out());
		assertThat(json.path("maxDocumentBytes").asLong()).isEqualTo(1_000_000);
	}

	@Test
	void listShowsAnAlignedTableOrTheServersJson() {
		this.hearth.put("docs/b.md", "b", Map.of("product", List.of("router", "modem")), "en");
		this.hearth.put("docs/a-long-name.md", "a", Map.of(), "en");
		Cli.Result result = this.cli.run("list");
		assertThat(result.out()).isEqualTo("""
				SOURCE               VERSION  CHUNKS  TAGS                  UPDATED
				docs/a-long-name.md        1       3                        2026-01-31 14:05Z
				docs/b.md                  1       3  product=modem,router  2026-01-31 14:05Z
				""");
		JsonNode json = Json.MAPPER.readTree(this.cli.run("list", "--json").out());
		assertThat(json.isArray()).isTrue();
		assertThat(json.get(0).path("contentHash").asString()).hasSize(64);
		Cli.Result empty = this.cli.run("list", "--faq");
		assertThat(empty.exitCode()).isZero();
		assertThat(empty.err()).contains("no FAQ entries yet");
	}

	@Test
	void faqImportListAndDelete() throws IOException {
		write("faq.jsonl", """
				{"id":"reset","question":"How do I reset?","answer":"Like this."}
				{"question":"no id"}
				{"id":"refund","question":"Refund?","answer":"Yes."}
				""");
		Cli.Result imported = this.cli.run("faq", this.temp.resolve("faq.jsonl").toString());
		assertThat(imported.exitCode()).isEqualTo(1);
		assertThat(imported.out()).isEqualTo("""
				FAQ: 2 added, 0 updated, 0 unchanged, 0 removed; 2 entries in total.
				FAQ router: version 1 is live (2 entries, 4 phrasings, threshold 0.500 from model).
				Failed:
				  line 2: missing id
				""");
		assertThat(this.hearth.writes()).containsExactly("POST /api/admin/faq?format=jsonl&replace=false");

		write("faq.txt", "id,question,answer\nreset,How?,Like this.\n");
		Cli.Result replaced = this.cli.run("faq", this.temp.resolve("faq.txt").toString(), "--format", "CSV",
				"--replace");
		assertThat(replaced.exitCode()).isZero();
		assertThat(replaced.out()).isEqualTo("FAQ: 0 added, 1 updated, 0 unchanged, 1 removed; 1 entries in total.\n"
				+ "FAQ router: version 1 is live (2 entries, 4 phrasings, threshold 0.500 from model).\n");

		assertThat(this.cli.run("list", "--faq").out()).isEqualTo("""
				ID     QUESTION         TAGS            UPDATED
				reset  Question reset?  product=router  2026-01-31 14:05Z
				""");
		assertThat(this.cli.run("delete", "--faq", "reset").out()).isEqualTo("deleted FAQ entry reset\n");
		Cli.Result unknown = this.cli.run("delete", "--faq", "reset");
		assertThat(unknown.exitCode()).isEqualTo(1);
		assertThat(unknown.err()).isEqualTo(
				"kb-import: cannot delete FAQ entry reset: no FAQ entry with id 'reset' (see kb-import list --faq)\n");
	}

	@Test
	void aFaqFileNothingCanBeReadFromShowsTheServersDetail() throws IOException {
		write("empty.jsonl", "{\"question\":\"no id\"}\n");
		Cli.Result result = this.cli.run("faq", this.temp.resolve("empty.jsonl").toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("kb-import: no FAQ entry could be read from the file\n");
	}

	@Test
	void faqUsageErrors() throws IOException {
		write("faq.txt", "x");
		assertThat(this.cli.run("faq", this.temp.resolve("faq.txt").toString()).err())
			.isEqualTo("kb-import: cannot tell the format of '" + this.temp.resolve("faq.txt")
					+ "' from its extension: pass --format jsonl or --format csv (see kb-import faq --help)\n");
		Cli.Result missing = this.cli.run("faq", "nope.csv");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).isEqualTo("kb-import: no such file: nope.csv (see kb-import faq --help)\n");
		Files.write(this.temp.resolve("latin1.csv"), new byte[] { 'a', (byte) 0xE9, '\n' });
		assertThat(this.cli.run("faq", this.temp.resolve("latin1.csv").toString()).err())
			.contains("is not UTF-8 text: save it as UTF-8 and try again");
	}

	@Test
	void deleteDocumentsOneByOne() {
		this.hearth.put("docs/a.md", "a", Map.of(), "en");
		Cli.Result result = this.cli.run("delete", "docs/a.md", "docs/missing.md");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEqualTo("deleted docs/a.md\n");
		assertThat(result.err()).isEqualTo(
				"kb-import: cannot delete docs/missing.md: no document with source 'docs/missing.md' (see kb-import list)\n");
		assertThat(this.hearth.documents).isEmpty();
	}

	@Test
	void sampleRemoveDeletesOnlyTheSample() {
		this.hearth.put("sample-kb/docs/billing/refunds.md", "refunds", Map.of(), "en");
		this.hearth.put("docs/our-own.md", "ours", Map.of(), "en");
		this.hearth.faq.put("sample-refund", "{}");
		this.hearth.faq.put("our-refund", "{}");
		Cli.Result result = this.cli.run("sample", "remove");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("Removed the sample knowledge base from " + this.hearth.url()
				+ ": 1 documents and 1 FAQ entries. Your own content was not touched.\n");
		assertThat(this.hearth.requests).contains("DELETE /api/admin/sample");
		assertThat(this.hearth.documents).containsOnlyKeys("docs/our-own.md");
		assertThat(this.hearth.faq).containsOnlyKeys("our-refund");

		Cli.Result again = this.cli.run("sample", "remove");
		assertThat(again.exitCode()).isZero();
		assertThat(again.out()).startsWith("No sample content on " + this.hearth.url() + ": nothing removed");
		Cli.Result json = this.cli.run("sample", "remove", "--json");
		assertThat(Json.MAPPER.readTree(json.out()).path("documents").asInt()).isZero();
	}

	@Test
	void sampleWithoutRemoveSaysWhatIsMissing() {
		Cli.Result result = this.cli.run("sample");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("missing command for sample: one of remove");
		Cli.Result help = this.cli.run("sample", "remove", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("Usage: kb-import sample remove", "Your own documents and FAQ entries stay");
		assertThat(this.hearth.requests).isEmpty();
	}

	@Test
	void rebuild() {
		Cli.Result result = this.cli.run("rebuild");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("Rebuilt the index: 42 passages, revision 7, in 12 ms.\n");
	}

	@Test
	void searchForPeopleAndAsOneJsonArray() {
		Cli.Result human = this.cli.run("search", "reset my password", "--top", "2", "--tag", "product=router",
				"--fusion", "bm25");
		assertThat(human.exitCode()).isZero();
		assertThat(human.out()).startsWith("""
				1. [1.000] Guide 1
				   Setup > Step 1
				   docs/guide-1.md
				   To reset my password, open the settings.

				2. [0.500] Guide 2
				""");
		assertThat(this.hearth.requests)
			.contains("GET /api/admin/search?q=reset%20my%20password&top=2&tag=product%3Arouter&fusion=bm25");

		Cli.Result json = this.cli.run("search", "reset", "--json");
		JsonNode results = Json.MAPPER.readTree(json.out());
		assertThat(results.isArray()).isTrue();
		assertThat(results).hasSize(2);
		for (JsonNode hit : results) {
			assertThat(hit.has("source") && hit.has("title") && hit.has("sectionPath") && hit.has("passage")
					&& hit.has("score") && hit.has("citation"))
				.isTrue();
		}
	}

	@Test
	void usageErrorsAndHelp() {
		Cli.Result none = this.cli.run();
		assertThat(none.exitCode()).isEqualTo(2);
		assertThat(none.err()).startsWith("kb-import — load documents");
		Cli.Result bad = this.cli.run("import", this.temp.resolve("nope").toString());
		assertThat(bad.exitCode()).isEqualTo(2);
		assertThat(bad.err()).isEqualTo(
				"kb-import: no such file or folder: " + this.temp.resolve("nope") + " (see kb-import import --help)\n");
		assertThat(this.hearth.requests).isEmpty();
		Cli.Result help = this.cli.run("--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("import", "faq", "list", "delete", "rebuild", "status", "search",
				"cannot reach the server, or the server refused the token");
		for (String name : KbImport.commandLine(System.out, System.err).getSubcommands().keySet()) {
			Cli.Result commandHelp = this.cli.run(name, "--help");
			assertThat(commandHelp.exitCode()).isZero();
			assertThat(commandHelp.out()).contains("Usage: kb-import " + name);
			assertThat(commandHelp.out().lines()).allMatch((line) -> line.length() <= 80);
		}
		assertThat(help.out().lines()).allMatch((line) -> line.length() <= 80);
	}

	private void write(String path, String content) throws IOException {
		Path file = this.temp.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	@Test
	void fileNamesAndServerTextReachTheTerminalWithTheirControlCharactersEscaped() throws IOException {
		String hostile = "\u001b]0;pwned\u0007\u001b[2Jevil\u202e.md";
		Files.createDirectories(this.temp.resolve("hostile"));
		Files.writeString(this.temp.resolve("hostile").resolve(hostile), "# Hi");
		Cli.Result imported = this.cli.run("import", this.temp.resolve("hostile").toString(), "--dry-run");
		this.hearth.put("docs/\u001b[31mred\r.md", "x", Map.of("product", List.of("\u009bbad")), "en");
		Cli.Result listed = this.cli.run("list");
		Cli.Result missing = this.cli.run("delete", "docs/\u001b[1mgone.md");
		for (Cli.Result result : List.of(imported, listed, missing)) {
			assertThat(result.out() + result.err()).doesNotContain("\u001b", "\u0007", "\u009b", "\r", "\u202e");
		}
		assertThat(imported.out()).contains("hostile/\\e]0;pwned\\x07\\e[2Jevil\\u202e.md");
		assertThat(listed.out()).contains("docs/\\e[31mred\\r.md").contains("product=\\x9bbad");
		assertThat(missing.err()).contains("docs/\\e[1mgone.md");
	}

	@Test
	void terminalTextEscapesControlsButKeepsLinesTabsAndLetters() {
		assertThat(TerminalText.escape("a\tb\nc é 日本 \u001b[0m \u0000 \u007f \u2067"))
			.isEqualTo("a\tb\nc é 日本 \\e[0m \\x00 \\x7f \\u2067");
		assertThat(TerminalText.escape(null)).isEqualTo("null");
	}

	@Test
	void evalSendsTheOutcomesToTheServerAndPrintsTheMetricsItComputes() throws IOException {
		write("set.jsonl",
				"""
						{"question": "when is my bill due", "expected": "bill"}
						{"question": "what is the weather", "expected": "escalate"}
						{"question": "how long is a refund", "expected_source": "docs/refunds.md", "group": "indirect", "history": [{"fromCustomer": true, "text": "I paid twice"}, {"fromCustomer": false, "text": "Ask us."}]}
						""");
		Path metrics = this.temp.resolve("metrics.json");
		Cli.Result result = this.cli.run("eval", "--set", this.temp.resolve("set.jsonl").toString(), "--json",
				metrics.toString());
		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode sent = this.hearth.evaluated.get(0);
		assertThat(sent).hasSize(2);
		assertThat(this.hearth.asked.get(0).has("history")).isFalse();
		assertThat(this.hearth.asked.get(2).path("history").get(1).path("text").asString()).isEqualTo("Ask us.");
		assertThat(this.hearth.asked.get(2).path("history").get(1).path("fromCustomer").asBoolean()).isFalse();
		assertThat(sent.get(0).path("expected").asString()).isEqualTo("bill");
		assertThat(sent.get(1).path("expected").isNull()).isTrue();
		assertThat(sent.get(1).path("predicted").asString()).isEqualTo("bill");
		assertThat(sent.get(0).path("confidence").asDouble()).isEqualTo(0.75);
		assertThat(result.out()).contains("accuracy                   0.5000")
			.contains("calibration error (ECE)    0.1250")
			.contains("latency p50 / p95          7 ms / 9 ms")
			.contains("escalate → bill: what is the weather")
			.containsPattern("all\\s+3\\s+1\\s+2\\s+0")
			.containsPattern("indirect\\s+1\\s+0\\s+1\\s+0");
		JsonNode file = Json.MAPPER.readTree(Files.readString(metrics));
		assertThat(file.path("in_scope_accuracy").asDouble()).isEqualTo(1.0);
		assertThat(file.path("latency_ms").path("p95").asLong()).isEqualTo(9);
		assertThat(file.path("groups").path("all").path("n").asInt()).isEqualTo(3);
		assertThat(file.path("groups").path("indirect").path("wrong").asInt()).isEqualTo(1);
	}

	@Test
	void evalWithoutAnyExpectedLinePrintsOnlyTheGroupsAndRefusesToCalibrate() throws IOException {
		write("docs.jsonl", """
				{"question": "how long is a refund", "expected_source": "docs/refunds.md"}
				""");
		String set = this.temp.resolve("docs.jsonl").toString();
		Cli.Result result = this.cli.run("eval", "--set", set);
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("No line has \"expected\"").containsPattern("document\\s+1\\s+0\\s+1\\s+0");
		assertThat(this.hearth.evaluated).isEmpty();
		Cli.Result calibrate = this.cli.run("eval", "--set", set, "--calibrate", set);
		assertThat(calibrate.exitCode()).isEqualTo(2);
		assertThat(calibrate.err()).startsWith("kb-import: " + set + " has no line with \"expected\" to calibrate on");
	}

}
