package dev.hearth.kbimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPlannerTest {

	private static final Tags PRODUCT = Tags.parse(List.of("product=router"), "import");

	@TempDir
	Path temp;

	ImportRoot docs;

	@BeforeEach
	void folder() throws IOException {
		Path folder = this.temp.resolve("docs");
		Files.createDirectories(folder);
		for (String name : List.of("same.md", "changed.md", "new.md", "filtered.txt")) {
			Files.writeString(folder.resolve(name), name);
		}
		this.docs = ImportRoot.of(folder.toString(), null);
	}

	@Test
	void unchangedChangedNewAndPruned() {
		List<RemoteDocument> existing = List.of(remote("docs/same.md", hash("same.md"), PRODUCT, "en"),
				remote("docs/changed.md", hash("old content"), PRODUCT, "en"),
				remote("docs/gone.md", hash("gone"), PRODUCT, "en"),
				remote("docs/filtered.txt", hash("filtered.txt"), PRODUCT, "en"),
				remote("other/x.md", hash("x"), PRODUCT, "en"));
		ImportPlan plan = planner(PRODUCT, null).plan(files("same.md", "changed.md", "new.md"), existing,
				List.of(this.docs));
		assertThat(plan.items()).extracting((item) -> item.file().source() + " " + item.action())
			.containsExactly("docs/same.md UNCHANGED", "docs/changed.md UPDATE", "docs/new.md ADD");
		// filtered.txt still exists (only filtered out), other/x.md is not under the
		// folder
		assertThat(plan.removals()).containsExactly("docs/gone.md");
		assertThat(plan.uploads()).hasSize(2);
		assertThat(plan.failures()).isEmpty();
	}

	@Test
	void withoutPruneNothingIsRemoved() {
		ImportPlan plan = planner(PRODUCT, null).plan(files("same.md"),
				List.of(remote("docs/gone.md", hash("gone"), PRODUCT, "en")), List.of());
		assertThat(plan.removals()).isEmpty();
	}

	@Test
	void differentTagsOrLanguageMakeAnUpdate() {
		List<RemoteDocument> existing = List.of(remote("docs/same.md", hash("same.md"), Tags.NONE, "en"));
		assertThat(planner(PRODUCT, null).plan(files("same.md"), existing, List.of()).items())
			.extracting(ImportPlan.Item::action)
			.containsExactly(ImportPlan.Action.UPDATE);
		assertThat(planner(Tags.NONE, "de").plan(files("same.md"), existing, List.of()).items())
			.extracting(ImportPlan.Item::action)
			.containsExactly(ImportPlan.Action.UPDATE);
		// no --language: the server's detected language is accepted
		assertThat(planner(Tags.NONE, null).plan(files("same.md"), existing, List.of()).items())
			.extracting(ImportPlan.Item::action)
			.containsExactly(ImportPlan.Action.UNCHANGED);
		assertThat(planner(Tags.NONE, "EN").plan(files("same.md"), existing, List.of()).items())
			.extracting(ImportPlan.Item::action)
			.containsExactly(ImportPlan.Action.UNCHANGED);
	}

	@Test
	void tooLargeAndUnreadableFilesFailWithoutUpload() {
		ImportPlanner planner = new ImportPlanner(Tags.NONE, null, 7, (file) -> {
			throw new NoSuchFileException(file.toString());
		});
		List<RemoteDocument> existing = List.of(remote("docs/new.md", "abc", Tags.NONE, "en"));
		ImportPlan plan = planner.plan(files("changed.md", "new.md"), existing, List.of());
		assertThat(plan.items()).isEmpty();
		assertThat(plan.failures()).extracting(Failure::toString)
			.containsExactly("docs/changed.md: too large: 10 B, the server accepts at most 7 B",
					"docs/new.md: cannot read: the file no longer exists");
	}

	private ImportPlanner planner(Tags tags, String language) {
		return new ImportPlanner(tags, language, 0, Sha256::of);
	}

	private List<LocalFile> files(String... names) {
		return List.of(names)
			.stream()
			.map((name) -> new LocalFile(this.docs.path().resolve(name), "docs/" + name, name.length()))
			.toList();
	}

	private static RemoteDocument remote(String source, String hash, Tags tags, String language) {
		return new RemoteDocument(source, hash, language, tags, 1, 3, null);
	}

	private static String hash(String content) {
		return Sha256.of(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
