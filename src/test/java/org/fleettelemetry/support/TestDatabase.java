package org.fleettelemetry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The one real PostgreSQL of a test run, started on first use and shared by every test
 * class: an embedded server by default, or a Testcontainers one with
 * {@code -Dfleet.test.database=testcontainers} where a Docker engine is available
 * (without one, the run falls back to the embedded server).
 */
public final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static final int TRUNCATE_ATTEMPTS = 5;

	private static Connection connection;

	private TestDatabase() {
	}

	public static synchronized Connection get() {
		if (connection == null) {
			connection = wantsTestcontainers() ? startContainer() : startEmbedded();
		}
		return connection;
	}

	/**
	 * Points a Spring context at the test database.
	 */
	public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
		Connection db = get();
		registry.add("spring.datasource.url", db::jdbcUrl);
		registry.add("spring.datasource.username", db::username);
		registry.add("spring.datasource.password", db::password);
	}

	/**
	 * Empties every table the service writes, so that a test starts from a fresh fleet.
	 */
	public static void empty(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		truncate(jdbc, 1);
		jdbc.sql("update fleet_totals set distance_m = 0, reports = 0, vehicles = 0, retired_vehicles = 0").update();
		jdbc.sql("update anomalies_open set anomalies = 0").update();
	}

	/**
	 * The truncate locks its tables one after the other, while the background tasks of
	 * every context the test run keeps (the live stream's summary, the gauges) may be
	 * reading some of them in another order: PostgreSQL breaks such a deadlock by failing
	 * one side, and when that is the truncate, it is tried again.
	 */
	private static void truncate(org.springframework.jdbc.core.simple.JdbcClient jdbc, int attempt) {
		try {
			jdbc.sql(
					"truncate reports, anomalies, vehicle_days, fleet_daily, fleet_last_report_days, fleet_countries, odometers, vehicles, "
							+ "token_rotations, api_keys, milestones, fleet_last_milestone, webhook_deliveries, webhook_events, webhooks restart identity cascade")
				.update();
		}
		catch (PessimisticLockingFailureException ex) {
			if (attempt == TRUNCATE_ATTEMPTS) {
				throw ex;
			}
			log.info("Emptying the test database met a deadlock (attempt {} of {}); trying again", attempt,
					TRUNCATE_ATTEMPTS);
			truncate(jdbc, attempt + 1);
		}
	}

	/**
	 * A new, empty database named {@code name} on the test server (dropped first if a run
	 * before left it), for tests that migrate a database of their own.
	 */
	public static SimpleDriverDataSource fresh(String name) throws SQLException {
		Connection server = TestDatabase.get();
		try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		String url = server.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
		return new SimpleDriverDataSource(new org.postgresql.Driver(), url, server.username(), server.password());
	}

	private static boolean wantsTestcontainers() {
		if (!"testcontainers".equalsIgnoreCase(System.getProperty("fleet.test.database", "embedded"))) {
			return false;
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			return true;
		}
		log.warn("fleet.test.database=testcontainers, but no Docker engine answers: using the embedded PostgreSQL");
		return false;
	}

	private static Connection startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private static Connection startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					log.warn("Could not stop the embedded PostgreSQL", ex);
				}
			}));
			return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	/**
	 * How to reach the test database.
	 */
	public record Connection(String jdbcUrl, String username, String password) {
	}

}
