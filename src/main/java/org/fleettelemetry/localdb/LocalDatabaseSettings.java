package org.fleettelemetry.localdb;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param directory where its data lives; kept across restarts
 * @param port its port on localhost; 0 picks a free one
 * @param serverConfig further PostgreSQL settings, by name (for example
 * {@code shared_preload_libraries=pg_stat_statements}); they cannot turn durability off
 */
@ConfigurationProperties("fleet.local-database")
record LocalDatabaseSettings(@DefaultValue("./data/postgres") String directory, @DefaultValue("0") int port,
		@Nullable Map<String, String> serverConfig) {

	LocalDatabaseSettings {
		serverConfig = (serverConfig != null) ? Map.copyOf(serverConfig) : Map.of();
	}

}
