package org.fleettelemetry.localdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from a Maven artifact, its data kept in a directory across
 * restarts, with durable commits (the embedded default turns fsync off).
 * <p>
 * One service at a time owns a data directory: it holds a lock on the file beside it
 * ({@code <directory>.lock}) from before PostgreSQL starts until after it stopped. A
 * second service started on the same directory fails at once with
 * {@link LocalDatabaseInUseException}, and leaves the first one's PostgreSQL running. The
 * operating system releases the lock of a process that dies, so a PostgreSQL found
 * running on a directory whose lock was free has lost its owner, and is stopped.
 * <p>
 * Only its owner stops it, through {@link #close()}; it registers no JVM shutdown hook
 * (the embedded default does). The JVM runs its shutdown hooks concurrently, so such a
 * hook would stop PostgreSQL on SIGTERM while Spring's own hook is still closing the
 * context, which lets requests in flight finish and a webhook round record its outcomes:
 * they would fail against a database already gone. A JVM killed with {@code kill -9} runs
 * no hook at all and leaves PostgreSQL running; the next start stops it.
 */
final class LocalPostgres implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

	private final EmbeddedPostgres postgres;

	private final Path directory;

	private final FileChannel lock;

	private LocalPostgres(EmbeddedPostgres postgres, Path directory, FileChannel lock) {
		this.postgres = postgres;
		this.directory = directory;
		this.lock = lock;
	}

	/**
	 * Starts PostgreSQL with {@code serverConfig} (100 connections unless it says
	 * otherwise); it cannot turn durability off.
	 * @throws LocalDatabaseInUseException when another service owns the directory
	 */
	static LocalPostgres start(Path directory, int port, Map<String, String> serverConfig) throws IOException {
		Path data = directory.toAbsolutePath().normalize();
		Files.createDirectories(data);
		FileChannel lock = lock(data);
		try {
			return start(data, port, serverConfig, lock);
		}
		catch (IOException | RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	private static LocalPostgres start(Path directory, int port, Map<String, String> serverConfig, FileChannel lock)
			throws IOException {
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
		log.info("Embedded PostgreSQL on port {} with its data in {}", postgres.getPort(), directory);
		return new LocalPostgres(postgres, directory, lock);
	}

	/**
	 * The channel of the lock file beside the (absolute, normalized) directory, holding
	 * the lock (closing the channel releases it).
	 */
	private static FileChannel lock(Path directory) throws IOException {
		Path file = directory.resolveSibling(directory.getFileName() + ".lock");
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			if (channel.tryLock() != null) {
				return channel;
			}
		}
		catch (OverlappingFileLockException ex) {
			// held by this JVM: another context of the same process owns the directory
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
		channel.close();
		throw new LocalDatabaseInUseException(directory, file);
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	/**
	 * A JVM killed with {@code kill -9} leaves its PostgreSQL running, holding the data
	 * directory, and so does a start that gave up waiting for the server; stop it so that
	 * this run can start its own. Called only while holding the directory's lock, so that
	 * no live service owns that PostgreSQL.
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
	 * Stops PostgreSQL with a fast shutdown (sessions still open are ended) and waits a
	 * few seconds for it to exit; then releases the directory.
	 */
	@Override
	public void close() throws IOException {
		try {
			this.postgres.close();
			if (Files.exists(this.directory.resolve("postmaster.pid"))) {
				log.warn(
						"Embedded PostgreSQL on port {} did not stop in time; should it still run, the next start stops it",
						this.postgres.getPort());
			}
			else {
				log.info("Embedded PostgreSQL on port {} stopped", this.postgres.getPort());
			}
		}
		finally {
			this.lock.close();
		}
	}

}
