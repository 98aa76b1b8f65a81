package org.fleettelemetry.openapi;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.fleettelemetry.support.ResourceLines;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the build checks after OpenApiIntegrationTests wrote the served document and
 * openapi-generator made a Java and a TypeScript client from it (see the pom): the Java
 * client, which the build compiled, names its methods after the contract's operation ids.
 */
class GeneratedClientsIT {

	static final Path CLIENTS = Path.of(System.getProperty("openapi.clients", "target/generated-clients"));

	@Test
	void theJavaClientNamesItsMethodsAfterTheContract() throws IOException {
		Path classes = CLIENTS.resolve("java/classes");
		assertThat(classes).as("the Java client the build compiles from the served document").isDirectory();
		List<String> methods;
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader());
				Stream<Path> files = Files.list(classes.resolve("org/fleettelemetry/client/api"))) {
			methods = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith("Api.class"))
				.flatMap((name) -> methodsOf(loader, "org.fleettelemetry.client.api." + name.replace(".class", "")))
				.toList();
		}
		List<String> ids = ResourceLines.of("/contract-endpoints.txt")
			.stream()
			.map((endpoint) -> endpoint.split("\\s+")[2])
			.toList();
		assertThat(methods).containsAll(ids);
	}

	private static Stream<String> methodsOf(ClassLoader loader, String type) {
		try {
			return Arrays.stream(loader.loadClass(type).getMethods()).map(Method::getName);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
