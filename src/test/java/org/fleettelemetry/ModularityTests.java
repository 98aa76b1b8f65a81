package org.fleettelemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

		assertThat(Files.readString(DOCS.resolve("components.puml"))).contains("Rel(", "Ingestion", "Fleet");
		for (ApplicationModule module : modules) {
			assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).as("the canvas of every module")
				.content()
				.contains("org.fleettelemetry." + module.getIdentifier());
		}
	}

}
