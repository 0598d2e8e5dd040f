package dev.hearth.kbimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileWalkerTest {

	@TempDir
	Path temp;

	Path docs;

	@BeforeEach
	void tree() throws IOException {
		this.docs = this.temp.resolve("docs");
		write("index.md", "guide/install.md", "guide/setup.pdf", "guide/deep/faq.md", "archive/old.md", ".git/config",
				"guide/.draft.md", ".hidden/inside.md", "notes.txt");
	}

	@Test
	void folderFilesAreNamedAfterTheFolderWithForwardSlashesAndHiddenOnesSkipped() {
		assertThat(sources(List.of(), List.of(), null)).containsExactly("docs/archive/old.md", "docs/guide/deep/faq.md",
				"docs/guide/install.md", "docs/guide/setup.pdf", "docs/index.md", "docs/notes.txt");
	}

	@Test
	void prefixReplacesTheFolderName() {
		assertThat(sources(List.of("*.md"), List.of(), "kb/manuals/")).containsExactly("kb/manuals/index.md");
	}

	@Test
	void doubleStarMatchesAtAnyDepthIncludingTheTop() {
		assertThat(sources(List.of("**/*.md"), List.of(), null)).containsExactly("docs/archive/old.md",
				"docs/guide/deep/faq.md", "docs/guide/install.md", "docs/index.md");
		assertThat(sources(List.of("guide/**"), List.of(), null)).containsExactly("docs/guide/deep/faq.md",
				"docs/guide/install.md", "docs/guide/setup.pdf");
		assertThat(sources(List.of("**/*.{md,pdf}"), List.of("archive", "**/deep/**"), null))
			.containsExactly("docs/guide/install.md", "docs/guide/setup.pdf", "docs/index.md");
		assertThat(sources(List.of("guide/???????.md"), List.of(), null)).containsExactly("docs/guide/install.md");
		assertThat(sources(List.of("guide/*.[!p]*"), List.of(), null)).containsExactly("docs/guide/install.md");
	}

	@Test
	void aFileArgumentIsNamedByItsFileName() {
		Path file = this.docs.resolve("guide/install.md");
		FileWalker.Result result = new FileWalker(PathFilter.parse(List.of(), List.of(), "import"))
			.walk(List.of(ImportRoot.of(file.toString(), null), ImportRoot.of(file.toString(), "kb")));
		assertThat(result.files()).extracting(LocalFile::source).containsExactly("install.md", "kb/install.md");
		assertThat(result.files().get(0).size()).isEqualTo("guide/install.md".length());
	}

	@Test
	void twoFilesWithTheSameSourceAreAUsageError() throws IOException {
		Path other = this.temp.resolve("elsewhere/docs");
		Files.createDirectories(other);
		Files.writeString(other.resolve("index.md"), "x");
		assertThatThrownBy(() -> new FileWalker(PathFilter.parse(List.of(), List.of(), "import"))
			.walk(List.of(ImportRoot.of(this.docs.toString(), null), ImportRoot.of(other.toString(), null))))
			.isInstanceOf(UsageException.class)
			.hasMessageStartingWith("two files would both be imported as 'docs/index.md'");
	}

	@Test
	void pathsAndPrefixesAreChecked() {
		assertThatThrownBy(() -> ImportRoot.of(this.temp.resolve("nope").toString(), null))
			.hasMessage("no such file or folder: " + this.temp.resolve("nope"));
		assertThatThrownBy(() -> ImportRoot.of(this.docs.toString(), "a/../b"))
			.hasMessage("--prefix must be a name such as 'manuals', got 'a/../b'");
		assertThatThrownBy(() -> ImportRoot.of("/", null))
			.hasMessage("cannot name sources after the folder '/': pass --prefix NAME");
		assertThatThrownBy(() -> PathFilter.parse(List.of("{a,b"), List.of(), "import"))
			.hasMessage("--include has a malformed glob '{a,b'");
	}

	@Test
	void aSourceMapsBackToItsFileOnlyInsideTheFolder() {
		ImportRoot root = ImportRoot.of(this.docs.toString(), null);
		assertThat(root.fileOf("docs/guide/install.md")).contains(this.docs.resolve("guide/install.md"));
		assertThat(root.fileOf("docs/../secret")).isEmpty();
		assertThat(root.fileOf("docsother/x.md")).isEmpty();
	}

	private List<String> sources(List<String> includes, List<String> excludes, String prefix) {
		FileWalker walker = new FileWalker(PathFilter.parse(includes, excludes, "import"));
		FileWalker.Result result = walker.walk(List.of(ImportRoot.of(this.docs.toString(), prefix)));
		assertThat(result.failures()).isEmpty();
		return result.files().stream().map(LocalFile::source).toList();
	}

	private void write(String... paths) throws IOException {
		for (String path : paths) {
			Path file = this.docs.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, path);
		}
	}

}
