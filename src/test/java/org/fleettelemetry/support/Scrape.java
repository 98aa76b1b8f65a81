package org.fleettelemetry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /actuator/prometheus}, as Prometheus reads it: the text exposition
 * format.
 */
public record Scrape(String text) {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	public static Scrape of(int port) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("Accept", "text/plain")
			.build();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Scrape answered " + response.statusCode() + ": " + response.body());
			}
			return new Scrape(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public List<Sample> samples() {
		return this.text.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).map(Scrape::parse).toList();
	}

	/**
	 * The names of every sample, such as {@code telemetry_ingest_seconds_bucket}.
	 */
	public Set<String> sampleNames() {
		Set<String> names = new TreeSet<>();
		samples().forEach((sample) -> names.add(sample.name()));
		return names;
	}

	/**
	 * The value of the sample named {@code name} whose labels include {@code labels},
	 * summed over the samples that match; empty when none does.
	 */
	public OptionalDouble value(String name, Map<String, String> labels) {
		List<Sample> matching = samples().stream()
			.filter((sample) -> sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet()))
			.toList();
		return matching.isEmpty() ? OptionalDouble.empty()
				: OptionalDouble.of(matching.stream().mapToDouble(Sample::value).sum());
	}

	public OptionalDouble value(String name) {
		return value(name, Map.of());
	}

	/**
	 * The value, or 0 when the sample does not exist yet (a counter before its first
	 * increment).
	 */
	public double valueOrZero(String name, Map<String, String> labels) {
		return value(name, labels).orElse(0);
	}

	private static Sample parse(String line) {
		Matcher sample = SAMPLE.matcher(line);
		if (!sample.matches()) {
			throw new IllegalStateException("Not a sample line: " + line);
		}
		Map<String, String> labels = new LinkedHashMap<>();
		if (sample.group(3) != null) {
			Matcher label = LABEL.matcher(sample.group(3));
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
		}
		return new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4)));
	}

	public record Sample(String name, Map<String, String> labels, double value) {
	}

}
