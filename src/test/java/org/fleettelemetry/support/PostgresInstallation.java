package org.fleettelemetry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL installed by the operating system's packages (Debian's
 * {@code /usr/lib/postgresql/<major>/bin}), with its server and its own {@code pg_dump}
 * and {@code pg_restore}, for the tests of backup and restore.
 * <p>
 * The embedded PostgreSQL of the other tests comes from a Maven artifact that carries the
 * server alone ({@code initdb}, {@code pg_ctl}, {@code postgres}), and {@code pg_dump}
 * refuses a server of a newer major version than its own: Debian 12's client (15) cannot
 * dump the embedded 17. So these tests run the service on a server of the same
 * installation as the tools. Without one they are skipped, saying what to install.
 */
public record PostgresInstallation(Path bin) {

	private static final Path ROOT = Path.of("/usr/lib/postgresql");

	private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore");

	public static final String INSTALL_HINT = "apt-get install postgresql postgresql-client (.ci/run installs them)";

	/**
	 * The newest installation with a server and its dump tools, or the calling test
	 * skipped.
	 */
	public static PostgresInstallation assumeInstalled() {
		Optional<PostgresInstallation> found = find();
		assumeTrue(found.isPresent(), "No PostgreSQL server with its pg_dump and pg_restore under " + ROOT
				+ " (the embedded one ships neither): skipped (" + INSTALL_HINT + ")");
		return found.get();
	}

	static Optional<PostgresInstallation> find() {
		if (!Files.isDirectory(ROOT)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(ROOT)) {
			return versions.filter((version) -> version.getFileName().toString().matches("\\d+"))
				.sorted(Comparator.comparingInt((Path version) -> Integer.parseInt(version.getFileName().toString()))
					.reversed())
				.map((version) -> version.resolve("bin"))
				.filter((bin) -> PROGRAMS.stream().allMatch((program) -> Files.isExecutable(bin.resolve(program))))
				.findFirst()
				.map(PostgresInstallation::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Creates a cluster in {@code directory} and starts it on a free port of localhost,
	 * user {@code postgres} without a password.
	 */
	public Server start(Path directory) throws IOException {
		Path data = directory.resolve("data");
		run(true, "initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C",
				"--no-sync");
		int port = freePort();
		run(true, "pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w", "-o",
				"-p " + port + " -k " + directory + " -c listen_addresses=localhost -c fsync=off", "start");
		return new Server(this, data, port);
	}

	/**
	 * Runs one of the installation's programs and waits for it, failing with its output
	 * when it fails. The server's programs refuse to run as root (CI runs as root): there
	 * they run in a user namespace of their own ({@code unshare -U}), where they are not.
	 */
	String run(boolean server, String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (server && "root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(this.bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A running server of the installation; closing it stops it.
	 */
	public record Server(PostgresInstallation installation, Path data, int port) implements AutoCloseable {

		public TestDatabase.Connection database(String name) {
			return new TestDatabase.Connection("jdbc:postgresql://localhost:" + this.port + "/" + name, "postgres", "");
		}

		/**
		 * Dumps {@code database} in the custom format into {@code file}, as an operator
		 * would while the service runs.
		 */
		public void dump(String database, Path file) {
			this.installation.run(false, "pg_dump", "--format=custom", "--host=localhost", "--port=" + this.port,
					"--username=postgres", "--file=" + file, database);
		}

		/**
		 * Restores the dump {@code file} into {@code database}, which must exist and be
		 * empty, stopping at the first error.
		 */
		public void restore(Path file, String database) {
			this.installation.run(false, "pg_restore", "--exit-on-error", "--no-owner", "--host=localhost",
					"--port=" + this.port, "--username=postgres", "--dbname=" + database, file.toString());
		}

		@Override
		public void close() {
			this.installation.run(true, "pg_ctl", "-D", this.data.toString(), "-m", "fast", "-w", "stop");
		}

	}

}
