package org.fleettelemetry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A command-line tool that some checks run when it is installed ({@code promtool},
 * {@code docker-compose}, {@code node} and {@code npm}); where it is not, those checks
 * are skipped with a message saying what to install.
 */
public record ExternalTool(String name, String installHint) {

	public static final ExternalTool PROMTOOL = new ExternalTool("promtool",
			"apt-get install prometheus (.ci/run installs it)");

	public static final ExternalTool DOCKER_COMPOSE = new ExternalTool("docker-compose",
			"apt-get install docker-compose");

	public static final ExternalTool NODE = new ExternalTool("node", "apt-get install nodejs (.ci/run installs it)");

	public static final ExternalTool NPM = new ExternalTool("npm", "apt-get install npm (.ci/run installs it)");

	/**
	 * Skips the calling test when the tool is not on the {@code PATH}.
	 */
	public void assumeInstalled() {
		assumeTrue(isInstalled(), this.name + " is not on the PATH: skipped (" + this.installHint + ")");
	}

	public boolean isInstalled() {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String directory : path.split(java.io.File.pathSeparator)) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, this.name))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Runs the tool in {@code directory}, feeding it {@code input} (or nothing), and
	 * waits for it.
	 */
	public Result run(Path directory, String input, String... arguments) {
		return run(Map.of(), directory, input, arguments);
	}

	/**
	 * Runs the tool with these variables added to its environment, in {@code directory},
	 * feeding it {@code input} (or nothing), and waits for it.
	 */
	public Result run(Map<String, String> environment, Path directory, String input, String... arguments) {
		List<String> command = new ArrayList<>(List.of(this.name));
		command.addAll(List.of(arguments));
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true);
			builder.environment().putAll(environment);
			Process process = builder.start();
			try (var stdin = process.getOutputStream()) {
				if (input != null) {
					stdin.write(input.getBytes(StandardCharsets.UTF_8));
				}
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(this.name + " did not finish within 60 s");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a run gave: its exit code and its output (standard output and error together).
	 */
	public record Result(int exitCode, String output) {

		public List<String> lines() {
			return this.output.lines().toList();
		}

	}

}
