package org.fleettelemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No line comment ends in a line of one or two words of its own: that is what the
 * formatter (spring-javaformat, 90 columns) leaves of a comment line written too long
 * ("// so", "// does not"), and it happened in 30 files before this test. Reword the
 * comment so that each line fits.
 */
class SourceCommentsTests {

	private static final Pattern COMMENT = Pattern.compile("^\\s*// .*");

	private static final Pattern STUB = Pattern.compile("^\\s*// \\S+( \\S+)?\\s*$");

	@Test
	void noCommentIsCutIntoALineOfOneOrTwoWords() throws IOException {
		List<String> stubs = new ArrayList<>();
		for (Path root : List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"))) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					List<String> lines = Files.readAllLines(file);
					for (int i = 1; i < lines.size(); i++) {
						if (COMMENT.matcher(lines.get(i - 1)).matches() && STUB.matcher(lines.get(i)).matches()) {
							stubs.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
						}
					}
				}
			}
		}
		assertThat(stubs).isEmpty();
	}

}
