package dev.hearth.kbimport;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentParserTest {

	private final ArgumentParser parser = new ArgumentParser(KbImport.COMMANDS);

	@Test
	void globalOptionsBeforeOrAfterTheCommand() {
		Invocation before = this.parser.parse("--server", "http://h:1", "--token=t", "status", "--json");
		Invocation after = this.parser.parse("status", "--json", "--server=http://h:1", "--token", "t", "--debug");
		assertThat(before.server()).isEqualTo("http://h:1");
		assertThat(before.token()).isEqualTo("t");
		assertThat(before.args().flag("--json")).isTrue();
		assertThat(after.server()).isEqualTo("http://h:1");
		assertThat(after.debug()).isTrue();
		assertThat(after.command()).isSameAs(StatusCommand.SPEC);
	}

	@Test
	void repeatableOptionsKeepTheirOrder() {
		Invocation invocation = this.parser.parse("import", "docs", "--include", "**/*.md", "--include=*.pdf", "--tag",
				"product=router", "manuals", "--dry-run");
		assertThat(invocation.args().positional()).containsExactly("docs", "manuals");
		assertThat(invocation.args().values("--include")).containsExactly("**/*.md", "*.pdf");
		assertThat(invocation.args().values("--tag")).containsExactly("product=router");
		assertThat(invocation.args().flag("--dry-run")).isTrue();
		assertThat(invocation.args().flag("--prune")).isFalse();
	}

	@Test
	void doubleDashEndsOptions() {
		Invocation invocation = this.parser.parse("delete", "--", "--weird-source.md");
		assertThat(invocation.args().positional()).containsExactly("--weird-source.md");
	}

	@Test
	void helpInAnyForm() {
		assertThat(this.parser.parse("--help").help()).isTrue();
		assertThat(this.parser.parse("-h").command()).isNull();
		assertThat(this.parser.parse("help", "import").command()).isSameAs(ImportCommand.SPEC);
		assertThat(this.parser.parse("import", "--help").help()).isTrue();
		// help wins over missing arguments
		assertThat(this.parser.parse("faq", "-h").command()).isSameAs(FaqCommand.SPEC);
	}

	@Test
	void exactUsageErrors() {
		assertUsage(List.of("frobnicate"), "kb-import: unknown command 'frobnicate' (see kb-import --help)");
		assertUsage(List.of("--json", "list"),
				"kb-import: unknown option --json before the command (see kb-import --help)");
		assertUsage(List.of("import", "docs", "--frob"),
				"kb-import: unknown option --frob for import (see kb-import import --help)");
		assertUsage(List.of("import", "docs", "--parallel"),
				"kb-import: --parallel needs a value (see kb-import import --help)");
		assertUsage(List.of("import", "docs", "--prefix", "--dry-run"),
				"kb-import: --prefix needs a value (see kb-import import --help)");
		assertUsage(List.of("import", "docs", "--dry-run=yes"),
				"kb-import: --dry-run takes no value (see kb-import import --help)");
		assertUsage(List.of("search", "q", "--top", "1", "--top", "2"),
				"kb-import: --top given more than once (see kb-import search --help)");
		assertUsage(List.of("import"), "kb-import: missing PATH... for import (see kb-import import --help)");
		assertUsage(List.of("faq", "a.csv", "b.csv"),
				"kb-import: too many arguments for faq: b.csv (see kb-import faq --help)");
		assertUsage(List.of("status", "--server"), "kb-import: --server needs a value (see kb-import status --help)");
		assertUsage(List.of("--token", "a", "--token", "b", "list"),
				"kb-import: --token given more than once (see kb-import --help)");
	}

	@Test
	void typedValuesAreChecked() {
		ParsedArgs args = this.parser.parse("search", "q", "--top", "0", "--fusion", "magic").args();
		assertThatThrownBy(() -> args.intValue("--top", 5, 1, 100)).isInstanceOf(UsageException.class)
			.extracting((ex) -> ((UsageException) ex).userMessage())
			.isEqualTo("kb-import: --top must be a whole number from 1 to 100, got '0' (see kb-import search --help)");
		assertThatThrownBy(() -> args.choice("--fusion", List.of("rrf", "linear", "bm25", "vector")))
			.hasMessage("--fusion must be one of rrf, linear, bm25, vector, got 'magic'");
		assertThatThrownBy(() -> Tags.parse(List.of("product"), "import"))
			.hasMessage("--tag must look like key=value (key without ':'), got 'product'");
	}

	@Test
	void tagsCompareWithoutOrderAndBecomeQueryValues() {
		Tags tags = Tags.parse(List.of("product=b", "region=eu", "product=a"), "import");
		assertThat(tags.asQueryValues()).containsExactly("product:a", "product:b", "region:eu");
		assertThat(tags)
			.isEqualTo(Tags.fromJson(Json.MAPPER.readTree("{\"region\":[\"eu\"],\"product\":[\"b\",\"a\"]}")));
		assertThat(tags.toString()).isEqualTo("product=a,b region=eu");
	}

	private void assertUsage(List<String> args, String message) {
		assertThatThrownBy(() -> this.parser.parse(args.toArray(String[]::new))).isInstanceOf(UsageException.class)
			.extracting((ex) -> ((UsageException) ex).userMessage())
			.isEqualTo(message);
	}

}
