package org.fleettelemetry.localdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from a Maven artifact, its data kept in a directory across restarts,
 * with durable commits (the embedded default turns fsync off).
 * <p>
 * Only its owner stops it, through {@link #close()}; it registers no JVM shutdown hook (the embedded
 * default does). The JVM runs its shutdown hooks concurrently, so such a hook would stop PostgreSQL on
 * SIGTERM while Spring's own hook is still closing the context, which lets requests in flight finish and
 * a webhook round record its outcomes: they would fail against a database already gone. A JVM killed
 * with {@code kill -9} runs no hook at all and leaves PostgreSQL running; the next start stops it.
 */
final class LocalPostgres implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

	private final EmbeddedPostgres postgres;

	private final Path directory;

	private LocalPostgres(EmbeddedPostgres postgres, Path directory) {
		this.postgres = postgres;
		this.directory = directory;
	}

	/**
	 * Starts PostgreSQL with {@code serverConfig} (100 connections unless it says otherwise); it cannot
	 * turn durability off.
	 */
	static LocalPostgres start(Path directory, int port, Map<String, String> serverConfig) throws IOException {
		Files.createDirectories(directory);
		stopStalePostmaster(directory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("max_connections", "100");
		serverConfig.forEach(builder::setServerConfig);
		builder.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setPGStartupWait(Duration.ofSeconds(60));
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		catch (IOException | RuntimeException ex) {
			// a server that started but did not answer in time has no owner to stop it
			stopStalePostmaster(directory);
			throw ex;
		}
		log.info("Embedded PostgreSQL on port {} with its data in {}", postgres.getPort(), directory.toAbsolutePath());
		return new LocalPostgres(postgres, directory);
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	/**
	 * A JVM killed with {@code kill -9} leaves its PostgreSQL running, holding the data directory, and so
	 * does a start that gave up waiting for the server; stop it so that this run can start its own.
	 */
	static void stopStalePostmaster(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> stale = Files.readAllLines(pidFile)
			.stream()
			.findFirst()
			.map(String::trim)
			.filter((line) -> line.matches("\\d+"))
			.flatMap((pid) -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((c) -> c.contains("postgres")).orElse(false));
		if (stale.isEmpty()) {
			return;
		}
		ProcessHandle process = stale.get();
		log.warn("Stopping a PostgreSQL (pid {}) left running on {}", process.pid(), directory);
		process.destroy();
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
		}
	}

	/**
	 * Stops PostgreSQL with a fast shutdown (sessions still open are ended) and waits a few seconds for
	 * it to exit.
	 */
	@Override
	public void close() throws IOException {
		this.postgres.close();
		if (Files.exists(this.directory.resolve("postmaster.pid"))) {
			log.warn("Embedded PostgreSQL on port {} did not stop in time; should it still run, the next start stops it",
					this.postgres.getPort());
		}
		else {
			log.info("Embedded PostgreSQL on port {} stopped", this.postgres.getPort());
		}
	}

}
