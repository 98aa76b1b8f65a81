package org.fleettelemetry.chaos;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The campaign's one PostgreSQL, which it stops as a crash would
 * ({@code pg_ctl stop -m immediate}: no checkpoint, crash recovery at the next start) and
 * starts again on the same data directory and port, while the services keep running.
 * <p>
 * The embedded server's first start extracts the binaries and creates the data directory;
 * its {@code postmaster.opts} then names the {@code postgres} binary, beside which
 * {@code pg_ctl} lives, and the options it ran with, which every restart reuses. Commits
 * are durable (fsync and synchronous commit on), or a crash could lose them honestly.
 */
final class ControlledPostgres implements Closeable {

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final EmbeddedPostgres embedded;

	private final Path data;

	private final Path pgCtl;

	private final String options;

	private ControlledPostgres(EmbeddedPostgres embedded, Path data) throws IOException {
		this.embedded = embedded;
		this.data = data;
		String opts = Files.readString(data.resolve("postmaster.opts"), StandardCharsets.UTF_8).trim();
		this.pgCtl = Path.of(opts.substring(0, opts.indexOf(' '))).resolveSibling("pg_ctl");
		this.options = serverOptions(opts);
	}

	/**
	 * Starts a fresh server with its data in {@code directory}/data on a free port.
	 */
	static ControlledPostgres start(Path directory) throws IOException {
		Path data = directory.resolve("data").toAbsolutePath();
		EmbeddedPostgres embedded = EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "200")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setPGStartupWait(WAIT)
			.start();
		return new ControlledPostgres(embedded, data);
	}

	String jdbcUrl() {
		return this.embedded.getJdbcUrl("postgres", "postgres");
	}

	/**
	 * Stops the server at once, as a power cut would for everything not yet flushed.
	 */
	void stopImmediately() {
		pgCtl("stop", "-D", this.data.toString(), "-m", "immediate", "-w", "-t", seconds());
	}

	/**
	 * Starts the server again (crash recovery first) and waits until it takes
	 * connections.
	 */
	void restart() {
		pgCtl("start", "-D", this.data.toString(), "-w", "-t", seconds(), "-l",
				this.data.resolveSibling("postgres.log").toString(), "-o", this.options);
	}

	/**
	 * Stops the server with a fast shutdown and releases its data directory.
	 */
	@Override
	public void close() throws IOException {
		this.embedded.close();
	}

	private void pgCtl(String... arguments) {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			// as the embedded server runs it: PostgreSQL refuses to run as root
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(this.pgCtl.toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			boolean exited = process.waitFor(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!exited || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("pg_ctl " + arguments[0] + " failed"
						+ (exited ? " with exit code " + process.exitValue() : " to finish in time") + ":\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String seconds() {
		return Long.toString(WAIT.toSeconds());
	}

	/**
	 * The options of {@code postmaster.opts} but the data directory, which {@code pg_ctl}
	 * gives itself.
	 */
	private static String serverOptions(String opts) {
		List<String> tokens = new ArrayList<>();
		Matcher quoted = QUOTED.matcher(opts);
		while (quoted.find()) {
			tokens.add(quoted.group(1));
		}
		int data = tokens.indexOf("-D");
		if (data >= 0) {
			tokens.subList(data, data + 2).clear();
		}
		return String.join(" ", tokens);
	}

}
