package org.fleettelemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules (one flat package each under {@code org.fleettelemetry}) use one another
 * only through their public types, and without cycles; their documentation in
 * {@code docs/modules/} is written from the code on every build, so a change of the
 * structure shows in the diff.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(FleetTelemetryApplication.class);

	static final Path DOCS = Path.of("docs", "modules");

	@Test
	void modulesUseEachOtherOnlyThroughTheirApisAndWithoutCycles() {
		modules.verify();
	}

	@Test
	void writesTheModuleDocumentationIntoDocs() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
		try (Stream<Path> files = Files.list(DOCS)) {
			for (Path diagram : files.filter((file) -> file.toString().endsWith(".puml")).toList()) {
				Files.write(diagram, inStableOrder(Files.readAllLines(diagram)));
			}
		}

		assertThat(Files.readString(DOCS.resolve("components.puml"))).contains("Rel(", "Ingestion", "Fleet");
		for (ApplicationModule module : modules) {
			assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).as("the canvas of every module")
				.content()
				.contains("org.fleettelemetry." + module.getIdentifier());
		}
	}

	/**
	 * The Documenter lists a diagram's components and relations in an order that changes
	 * from run to run; sorted, an unchanged structure leaves the files unchanged.
	 */
	static List<String> inStableOrder(List<String> lines) {
		List<String> sorted = new ArrayList<>(lines);
		int start = 0;
		while (start < sorted.size()) {
			int end = start;
			String kind = kind(sorted.get(start));
			while (kind != null && end < sorted.size() && kind.equals(kind(sorted.get(end)))) {
				end++;
			}
			if (end > start) {
				Collections.sort(sorted.subList(start, end));
				start = end;
			}
			else {
				start++;
			}
		}
		return sorted;
	}

	private static @Nullable String kind(String line) {
		String trimmed = line.strip();
		return (trimmed.startsWith("Rel(") || trimmed.startsWith("Component(")) ? trimmed.substring(0, 4) : null;
	}

}
