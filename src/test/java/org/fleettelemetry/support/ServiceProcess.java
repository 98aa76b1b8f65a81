package org.fleettelemetry.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fleettelemetry.FleetTelemetryApplication;

/**
 * The service run as a JVM of its own, on the tests' class path, for tests that stop it
 * as an operator would: with SIGTERM or with {@code kill -9}. Its output (standard output
 * and error) is kept for the test to read.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private final Process process;

	private final StringBuilder output = new StringBuilder();

	private final CompletableFuture<Integer> port = new CompletableFuture<>();

	private boolean ended;

	private ServiceProcess(Process process) {
		this.process = process;
		Thread reader = new Thread(this::read, "service-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts the service on a free port, with the tests' admin token and
	 * {@code arguments}.
	 */
	public static ServiceProcess start(String... arguments) {
		// the C1 compiler alone: such a JVM serves a few requests, and starts in about
		// half the time
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-cp", System.getProperty("java.class.path"), FleetTelemetryApplication.class.getName(),
						"--server.port=0", "--fleet.admin.token=" + IntegrationTests.ADMIN_TOKEN));
		command.addAll(List.of(arguments));
		try {
			return new ServiceProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until the service listens, two minutes at most, and answers its port.
	 */
	public int port() throws Exception {
		return port(Duration.ofMinutes(2));
	}

	/**
	 * Waits until the service listens, {@code bound} at most, and answers its port.
	 */
	public int port(Duration bound) throws Exception {
		try {
			return this.port.get(bound.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The service did not listen within " + bound.toSeconds() + " s:\n" + output());
		}
	}

	public Api api() throws Exception {
		return new Api("http://localhost:" + port());
	}

	/**
	 * Waits until the output holds {@code text}, a minute at most.
	 */
	public synchronized void awaitOutput(String text) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (this.output.indexOf(text) < 0) {
			long left = deadline - System.nanoTime();
			if (this.ended || left <= 0) {
				throw new AssertionError("The service's output has no \"" + text + "\":\n" + this.output);
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
	}

	/**
	 * All the service has written so far.
	 */
	public synchronized String output() {
		return this.output.toString();
	}

	/**
	 * Waits for the JVM to exit, a minute at most, and answers its exit code.
	 */
	public int awaitExit() throws InterruptedException {
		if (!this.process.waitFor(1, TimeUnit.MINUTES)) {
			throw new AssertionError("The service did not exit within a minute:\n" + output());
		}
		return this.process.exitValue();
	}

	/**
	 * Sends the JVM SIGTERM, as an orchestrator stopping the service does, without
	 * waiting.
	 */
	public void terminate() {
		// through its handle: Process.destroy() would also close the output
		// this still reads
		this.process.toHandle().destroy();
	}

	/**
	 * Kills the JVM as {@code kill -9} does, and waits for it to exit.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * Kills the JVM if it still runs.
	 */
	@Override
	public void close() throws InterruptedException {
		kill();
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				Matcher started = STARTED.matcher(line);
				if (started.find()) {
					this.port.complete(Integer.parseInt(started.group(1)));
				}
				append(line);
			}
		}
		catch (IOException ex) {
			// the stream ends with the process
		}
		finally {
			this.port
				.completeExceptionally(new IllegalStateException("The service exited before it started:\n" + output()));
			end();
		}
	}

	private synchronized void append(String line) {
		this.output.append(line).append('\n');
		notifyAll();
	}

	private synchronized void end() {
		this.ended = true;
		notifyAll();
	}

}
