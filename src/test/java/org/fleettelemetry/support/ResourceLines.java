package org.fleettelemetry.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a list kept in a test resource: one entry a line, blank lines and {@code #}
 * comments left out.
 */
public final class ResourceLines {

	private ResourceLines() {
	}

	public static List<String> of(String resource) {
		try (InputStream in = ResourceLines.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
