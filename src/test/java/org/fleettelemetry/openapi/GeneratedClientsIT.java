package org.fleettelemetry.openapi;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fleettelemetry.support.ExternalTool;
import org.fleettelemetry.support.ResourceLines;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the build checks after OpenApiIntegrationTests wrote the served document and
 * openapi-generator made a Java and a TypeScript client from it (see the pom): the Java
 * client, which the build compiled, names its methods after the contract's operation ids
 * and reads both answers of {@code listMilestones} (the array and the page) as their
 * types; the TypeScript client compiles; Redocly's recommended rules find no error. The
 * last two run the tools pinned in {@code src/test/openapi}, installed by npm into
 * {@code target/openapi-tools}; without Node.js and npm they are skipped, saying so.
 */
class GeneratedClientsIT {

	static final Path SERVED = Path.of(System.getProperty("openapi.served", "target/openapi/api-docs.json"));

	static final Path CLIENTS = Path.of(System.getProperty("openapi.clients", "target/generated-clients"));

	static final Path TOOLS_SOURCE = Path.of("src", "test", "openapi");

	static final Path TOOLS = Path.of("target", "openapi-tools");

	/**
	 * npm's cache under target/, and no telemetry or update checks, which would reach
	 * beyond the npm registry.
	 */
	static final Map<String, String> ENVIRONMENT = Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE",
			"true", "npm_config_update_notifier", "false", "npm_config_cache",
			TOOLS.resolve(".npm-cache").toAbsolutePath().toString());

	private static boolean installed;

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

	@Test
	void theJavaClientReadsBothAnswersOfListMilestones() throws Exception {
		JsonNode examples = JsonMapper.builder()
			.build()
			.readTree(SERVED.toFile())
			.at("/paths/~1api~1v1~1milestones/get/responses/200/content/application~1json/examples");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { CLIENTS.resolve("java/classes").toUri().toURL() },
				getClass().getClassLoader())) {
			Object mapper = loader.loadClass("org.fleettelemetry.client.JSON")
				.getMethod("getMapper")
				.invoke(loader.loadClass("org.fleettelemetry.client.JSON").getConstructor().newInstance());
			Class<?> answer = loader.loadClass("org.fleettelemetry.client.model.MilestoneAnswer");
			Method read = mapper.getClass().getMethod("readValue", String.class, Class.class);
			Method actual = answer.getMethod("getActualInstance");
			Object fleet = actual.invoke(read.invoke(mapper, examples.at("/fleet/value").toString(), answer));
			Object vehicles = actual.invoke(read.invoke(mapper, examples.at("/vehicles/value").toString(), answer));
			assertThat(fleet.getClass().getSimpleName()).isEqualTo("MilestoneList");
			assertThat((List<?>) fleet).hasSize(examples.at("/fleet/value").size());
			assertThat(vehicles.getClass().getSimpleName()).isEqualTo("PageMilestoneView");
			assertThat((List<?>) vehicles.getClass().getMethod("getItems").invoke(vehicles))
				.hasSize(examples.at("/vehicles/value/items").size());
		}
	}

	@Test
	void theTypeScriptClientCompiles() throws IOException {
		ExternalTool.Result tsc = npmRun("compile-client", CLIENTS.resolve("typescript/index.ts"));
		assertThat(tsc.exitCode()).as(tsc.output()).isZero();
	}

	@Test
	void redoclysRecommendedRulesFindNoErrorInTheServedDocument() throws IOException {
		requireNodeAndNpm();
		String version = ExternalTool.NODE.run(Path.of("."), null, "--version").output();
		skipUnless(runsRedocly(version),
				"Node.js " + version.strip() + " is older than @redocly/cli 2.77.0 runs on (20.19 or 22.12)");
		ExternalTool.Result lint = npmRun("lint", SERVED);
		assertThat(lint.exitCode()).as(lint.output()).isZero();
	}

	@Test
	void knowsTheNodeVersionsRedoclyRunsOn() {
		assertThat(Stream.of("v18.20.4", "v20.18.1", "v20.20.2", "v21.7.3", "v22.11.0", "v22.12.0", "v24.3.0\n")
			.filter(GeneratedClientsIT::runsRedocly)).containsExactly("v20.20.2", "v22.12.0", "v24.3.0\n");
	}

	/** The Node.js versions @redocly/cli 2.77.0 runs on (its "engines"). */
	static boolean runsRedocly(String nodeVersion) {
		String[] parts = nodeVersion.strip().substring(1).split("\\.");
		int major = Integer.parseInt(parts[0]);
		int minor = Integer.parseInt(parts[1]);
		return (major == 20 && minor >= 19) || (major == 22 && minor >= 12) || major > 22;
	}

	private static Stream<String> methodsOf(ClassLoader loader, String type) {
		try {
			return Arrays.stream(loader.loadClass(type).getMethods()).map(Method::getName);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void requireNodeAndNpm() {
		assertThat(SERVED).as("the served document, which OpenApiIntegrationTests writes").isRegularFile();
		skipUnless(ExternalTool.NODE.isInstalled() && ExternalTool.NPM.isInstalled(),
				"node or npm is not on the PATH (apt-get install nodejs npm; .ci/run installs them)");
	}

	private static ExternalTool.Result npmRun(String script, Path file) throws IOException {
		requireNodeAndNpm();
		install();
		return ExternalTool.NPM.run(ENVIRONMENT, TOOLS, null, "run", "--silent", script, "--",
				file.toAbsolutePath().toString());
	}

	/** The tools, as package-lock.json pins them: once per run, into target/. */
	private static synchronized void install() throws IOException {
		if (installed) {
			return;
		}
		Files.createDirectories(TOOLS);
		for (String file : List.of("package.json", "package-lock.json", "redocly.yaml")) {
			Files.copy(TOOLS_SOURCE.resolve(file), TOOLS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		// no install scripts: nothing may fetch a binary from outside the npm registry
		ExternalTool.Result ci = ExternalTool.NPM.run(ENVIRONMENT, TOOLS, null, "ci", "--ignore-scripts", "--no-audit",
				"--no-fund");
		assertThat(ci.exitCode()).as(ci.output()).isZero();
		installed = true;
	}

	/** Skips the calling check, saying why in the build's output too. */
	private static void skipUnless(boolean condition, String reason) {
		if (!condition) {
			System.out.println("GeneratedClientsIT skips a check: " + reason);
		}
		assumeTrue(condition, reason);
	}

}
