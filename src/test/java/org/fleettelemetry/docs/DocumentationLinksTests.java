package org.fleettelemetry.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link of the README and of {@code docs/} resolves inside the repository: a clone
 * has all that the documentation points to, and nothing of it lives elsewhere.
 */
class DocumentationLinksTests {

	@Test
	void everyLinkOfTheDocumentationResolvesInsideTheRepository() throws IOException {
		Path root = Path.of("").toAbsolutePath();
		MarkdownLinks links = new MarkdownLinks(root);
		List<String> problems = new ArrayList<>();
		for (Path file : documentation(root)) {
			problems.addAll(links.problems(file));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void refusesLinksThatLeaveTheRepository(@TempDir Path root) throws IOException {
		Path docs = Files.createDirectories(root.resolve("docs"));
		Files.writeString(docs.resolve("page.md"), """
				# Page
				[a site](https://example.com/x) and ![an image](http://example.com/i.png)
				[mail](mailto:someone@example.com), <https://example.com>, https://example.com/bare
				[up and out](../../outside.md)

				[reference]: https://example.com/ref
				""");
		assertThat(new MarkdownLinks(root).problems(docs.resolve("page.md"))).containsExactly(
				"docs/page.md:2: https://example.com/x leaves the repository",
				"docs/page.md:2: http://example.com/i.png leaves the repository",
				"docs/page.md:3: mailto:someone@example.com leaves the repository",
				"docs/page.md:3: https://example.com leaves the repository",
				"docs/page.md:3: https://example.com/bare leaves the repository",
				"docs/page.md:4: ../../outside.md climbs out of the repository",
				"docs/page.md:6: https://example.com/ref leaves the repository");
	}

	@Test
	void refusesMissingFilesAndHeadings(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("other.md"), "# The other page\n\n## Its `second` part, again\n");
		Files.writeString(root.resolve("README.md"), """
				# Read me
				[fine](other.md#its-second-part-again), [fine too](#read-me), [folder](.)
				[missing](missing.md) and [no such heading](other.md#nowhere) and [here](#nowhere)
				""");
		assertThat(new MarkdownLinks(root).problems(root.resolve("README.md"))).containsExactly(
				"README.md:3: missing.md names no file of the repository",
				"README.md:3: other.md#nowhere names no heading of other.md",
				"README.md:3: #nowhere names no heading of README.md");
	}

	@Test
	void leavesCodeAlone(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("README.md"), """
				Run `curl http://localhost:8080/api/v1/fleet/summary`, or `curl
				http://localhost:8080/api/v1/fleet/daily`, or:

				```bash
				curl -s http://localhost:8080/api/v1/fleet/countries  # [not](https://example.com)
				```
				""");
		assertThat(new MarkdownLinks(root).problems(root.resolve("README.md"))).isEmpty();
	}

	/** README.md and every Markdown file under docs/. */
	private static List<Path> documentation(Path root) throws IOException {
		List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
		try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		return files;
	}

}
