package org.fleettelemetry.localdb;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A first run needs no database: with no {@code spring.datasource.url} configured and the
 * embedded server on the class path (as under {@code ./mvnw spring-boot:run}, never in
 * the packaged jar), the service starts a real PostgreSQL of its own, its data under
 * {@code ./data/}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class LocalDatabaseConfiguration {

	/**
	 * Stopped by the context as it closes, after all that uses it: Spring first stops the
	 * web server (graceful shutdown lets requests in flight finish) and the other
	 * lifecycle beans, then destroys beans before those they depend on, here the
	 * DataSource (through the connection details below) and all that uses it; the task
	 * scheduler, created after the DataSource, is destroyed before it and lets a
	 * dispatcher round finish. A context that fails to start destroys it too.
	 */
	@Bean(destroyMethod = "close")
	LocalPostgres localPostgres(LocalDatabaseSettings settings) throws IOException {
		return LocalPostgres.start(Path.of(settings.directory()), settings.port(), settings.serverConfig());
	}

	@Bean
	JdbcConnectionDetails localPostgresConnection(LocalPostgres postgres) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return postgres.jdbcUrl();
			}

		};
	}

}
