package org.fleettelemetry.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ServiceProcess;
import org.jspecify.annotations.Nullable;

/**
 * One of the campaign's instances of the service, a JVM of its own that the nemesis kills
 * and starts again (on another port): the client asks it for the current address, and
 * sends nothing while it is down. Every JVM's output is kept in a file of its own.
 */
final class ServiceSlot {

	private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final String[] arguments;

	private final Path logs;

	private final Duration startup;

	private int starts;

	private @Nullable ServiceProcess process;

	private volatile @Nullable String baseUrl;

	ServiceSlot(String name, String jdbcUrl, Path logs, Duration startup) {
		this.name = name;
		this.logs = logs;
		this.startup = startup;
		this.arguments = new String[] { "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--fleet.gateway.token=" + IntegrationTests.GATEWAY_TOKEN };
	}

	/**
	 * Starts the JVM and waits until it listens and then until it is ready (its database
	 * included), the campaign's start-up bound at most for each.
	 */
	synchronized void start() throws Exception {
		this.starts++;
		ServiceProcess started = ServiceProcess.start(this.arguments);
		this.process = started;
		String url = "http://localhost:" + started.port(this.startup);
		Wait.until(this.startup, this.name + " to be ready at " + url, () -> isReady(url));
		this.baseUrl = url;
	}

	/**
	 * The address to send to, or null while the instance is down.
	 */
	@Nullable String baseUrl() {
		return this.baseUrl;
	}

	String name() {
		return this.name;
	}

	/**
	 * {@code kill -9}: requests in flight get no answer.
	 */
	synchronized void kill() throws Exception {
		ServiceProcess running = stopSending();
		running.kill();
		keepOutput(running);
	}

	/**
	 * SIGTERM, as an orchestrator stops it, and waits for the JVM to exit.
	 */
	synchronized void terminate() throws Exception {
		ServiceProcess running = stopSending();
		running.terminate();
		int exit = running.awaitExit();
		keepOutput(running);
		if (exit != 0 && exit != 143) {
			throw new AssertionError(this.name + " exited with " + exit + " on SIGTERM:\n" + running.output());
		}
	}

	/**
	 * Waits until the instance is ready again after a database outage, a minute at most.
	 */
	void awaitReady() {
		String url = this.baseUrl;
		if (url != null) {
			Wait.until(Duration.ofMinutes(1), this.name + " to be ready again at " + url, () -> isReady(url));
		}
	}

	synchronized void close() throws Exception {
		if (this.process != null) {
			this.baseUrl = null;
			this.process.kill();
			keepOutput(this.process);
			this.process = null;
		}
	}

	private ServiceProcess stopSending() {
		ServiceProcess running = this.process;
		if (running == null) {
			throw new IllegalStateException(this.name + " is not running");
		}
		this.baseUrl = null;
		this.process = null;
		return running;
	}

	private void keepOutput(ServiceProcess stopped) throws IOException {
		Files.writeString(this.logs.resolve(this.name + "-" + this.starts + ".log"), stopped.output(),
				StandardCharsets.UTF_8);
	}

	static boolean isReady(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build();
			return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
