package org.fleettelemetry.localdb;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param directory where its data lives; kept across restarts
 * @param port its port on localhost; 0 picks a free one
 */
@ConfigurationProperties("fleet.local-database")
record LocalDatabaseSettings(@DefaultValue("./data/postgres") String directory, @DefaultValue("0") int port) {
}
