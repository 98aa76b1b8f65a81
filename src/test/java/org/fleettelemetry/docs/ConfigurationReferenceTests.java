package org.fleettelemetry.docs;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fleettelemetry.FleetTelemetryApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference, {@code docs/configuration.md}, against the metadata that
 * the build generates from the {@code @ConfigurationProperties} records: every
 * {@code fleet.*} property is documented with the default the metadata gives, and every
 * {@code fleet.*} row of the reference is a property. A row is a table line whose first
 * cell is the property's name in backticks; its {@code default} column holds the default
 * in backticks, or no backticks at all for a property without one.
 */
class ConfigurationReferenceTests {

	private static final Path REFERENCE = Path.of("docs/configuration.md");

	private static final Pattern PROPERTY = Pattern.compile("`(fleet\\.[a-z0-9.-]+)`");

	private static final Pattern CODE = Pattern.compile("`([^`]*)`");

	@Test
	void documentsEveryFleetPropertyOfTheMetadataWithItsDefault() throws Exception {
		Map<String, Optional<String>> documented = documented();
		List<String> problems = new ArrayList<>();
		metadata().forEach((name, metadataDefault) -> {
			if (!documented.containsKey(name)) {
				problems.add(name + " is not in " + REFERENCE);
			}
			else if (!documented.get(name).equals(metadataDefault)) {
				problems.add(name + ": the metadata's default is " + shown(metadataDefault) + ", " + REFERENCE
						+ " says " + shown(documented.get(name)));
			}
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void documentsOnlyPropertiesOfTheMetadata() throws Exception {
		Map<String, Optional<String>> metadata = metadata();
		List<String> unknown = documented().keySet()
			.stream()
			.filter((name) -> !metadata.containsKey(name))
			.map((name) -> REFERENCE + " documents " + name + ", which the metadata does not have")
			.toList();
		assertThat(unknown).isEmpty();
	}

	/**
	 * The {@code fleet.*} properties of the project's own metadata, with their defaults.
	 */
	private static Map<String, Optional<String>> metadata() throws URISyntaxException, IOException {
		Path classes = Path
			.of(FleetTelemetryApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path file = classes.resolve("META-INF/spring-configuration-metadata.json");
		assertThat(file).as("the metadata of the build (./mvnw compile writes it)").exists();
		Map<String, Optional<String>> properties = new LinkedHashMap<>();
		for (JsonNode property : JsonMapper.builder().build().readTree(Files.readString(file)).path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith("fleet.")) {
				properties.put(name,
						Optional.ofNullable(property.get("defaultValue")).map(ConfigurationReferenceTests::text));
			}
		}
		assertThat(properties).as("fleet.* properties in " + file).isNotEmpty();
		return properties;
	}

	private static String text(JsonNode value) {
		return value.isString() ? value.asString() : value.toString();
	}

	/**
	 * The {@code fleet.*} rows of the reference, with the default each states.
	 */
	private static Map<String, Optional<String>> documented() {
		assertThat(Files.exists(REFERENCE)).as(REFERENCE + " exists").isTrue();
		Map<String, Optional<String>> rows = new LinkedHashMap<>();
		int defaultColumn = -1;
		for (MarkdownFile.Line line : MarkdownFile.read(REFERENCE).prose()) {
			List<String> cells = cells(line.text());
			if (cells.contains("default")) {
				defaultColumn = cells.indexOf("default");
			}
			Matcher name = cells.isEmpty() ? null : PROPERTY.matcher(cells.get(0));
			if (name != null && name.matches()) {
				assertThat(defaultColumn).as("%s:%d has a default column", REFERENCE, line.number())
					.isBetween(1, cells.size() - 1);
				assertThat(rows).as("%s:%d documents %s again", REFERENCE, line.number(), name.group(1))
					.doesNotContainKey(name.group(1));
				Matcher code = CODE.matcher(cells.get(defaultColumn));
				rows.put(name.group(1), code.find() ? Optional.of(code.group(1)) : Optional.empty());
			}
		}
		return rows;
	}

	/** The cells of a table line; none for any other line. */
	private static List<String> cells(String line) {
		String row = line.strip();
		if (!row.startsWith("|")) {
			return List.of();
		}
		List<String> cells = new ArrayList<>();
		for (String cell : row.substring(1).split("\\|", -1)) {
			cells.add(cell.strip());
		}
		if (row.endsWith("|")) {
			cells.remove(cells.size() - 1);
		}
		return cells;
	}

	private static String shown(Optional<String> value) {
		return value.map((v) -> "`" + v + "`").orElse("none");
	}

}
