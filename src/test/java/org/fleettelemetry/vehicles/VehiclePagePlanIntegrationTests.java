package org.fleettelemetry.vehicles;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vehicle list's pages in VIN and registration order are index range scans: the plans
 * PostgreSQL makes for the very statements Hibernate sends, over 50,000 vehicles.
 */
@Tag("slow")
@TestPropertySource(properties = "spring.jpa.properties.hibernate.session_factory.statement_inspector="
		+ "org.fleettelemetry.vehicles.VehiclePagePlanIntegrationTests$Statements")
class VehiclePagePlanIntegrationTests extends IntegrationTests {

	/** Keeps every statement Hibernate prepares. */
	public static class Statements implements StatementInspector {

		static final List<String> seen = new CopyOnWriteArrayList<>();

		@Override
		public String inspect(String sql) {
			seen.add(sql);
			return sql;
		}

	}

	@Autowired
	DataSource dataSource;

	/**
	 * The plan PostgreSQL makes for {@code sql} whatever its parameters' values: its
	 * generic plan, as a prepared statement.
	 */
	String genericPlan(String sql) {
		Matcher parameters = Pattern.compile("\\?").matcher(sql);
		StringBuilder numbered = new StringBuilder();
		int n = 0;
		while (parameters.find()) {
			parameters.appendReplacement(numbered, "\\$" + (++n));
		}
		parameters.appendTail(numbered);
		String values = String.join(", ", Collections.nCopies(n, "null"));
		return new JdbcTemplate(this.dataSource).execute((ConnectionCallback<String>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set plan_cache_mode = force_generic_plan");
				statement.execute("prepare page as " + numbered);
				StringBuilder plan = new StringBuilder();
				try (ResultSet lines = statement.executeQuery("explain execute page(" + values + ")")) {
					while (lines.next()) {
						plan.append(lines.getString(1)).append('\n');
					}
				}
				statement.execute("deallocate page");
				statement.execute("reset plan_cache_mode");
				return plan.toString();
			}
		});
	}

	/** The statement of the page Hibernate ran for {@code query}. */
	String statementOf(String query) {
		Statements.seen.clear();
		Api.Response page = this.api.get("/api/v1/vehicles?" + query, ADMIN_TOKEN);
		assertThat(page.status()).isEqualTo(200);
		return Statements.seen.stream()
			.filter((sql) -> sql.contains("from vehicles"))
			.reduce((a, b) -> b)
			.orElseThrow();
	}

	@Test
	void pagesInVinAndRegistrationOrderAreIndexRangeScans() {
		this.jdbc.sql("""
				insert into vehicles (vin, model, country, token_hash, registered_at)
				select 'SJNFAAZE0U6' || lpad(i::text, 6, '0'), 'LEAF', 'ES', md5(i::text) || md5(i::text),
				       timestamptz '2014-01-01Z' + (i * 7919 % 50000) * interval '1 minute'
				from generate_series(1, 50000) i""").update();
		this.jdbc.sql("analyze vehicles").update();
		String vinCursor = this.api.get("/api/v1/vehicles?size=100", ADMIN_TOKEN).text("next");
		String registeredCursor = this.api.get("/api/v1/vehicles?size=100&sort=registeredAt,desc", ADMIN_TOKEN)
			.text("next");

		assertThat(genericPlan(statementOf("size=100"))).contains("Index Scan using vehicles_vin_key");
		assertThat(genericPlan(statementOf("size=100&cursor=" + vinCursor)))
			.containsPattern("Index Scan using vehicles_vin_key.*\\n.*Index Cond: \\(\\(vin\\)::text > ");
		assertThat(genericPlan(statementOf("size=100&sort=vin,desc")))
			.contains("Index Scan Backward using vehicles_vin_key");
		assertThat(genericPlan(statementOf("size=100&sort=registeredAt,desc")))
			.contains("Index Scan Backward using vehicles_by_registration");
		assertThat(genericPlan(statementOf("size=100&sort=registeredAt,desc&cursor=" + registeredCursor)))
			.containsPattern(
					"Index Scan Backward using vehicles_by_registration.*\\n.*Index Cond: \\(registered_at <= ");
		for (String query : List.of("size=100", "size=100&sort=registeredAt,desc&cursor=" + registeredCursor)) {
			assertThat(genericPlan(statementOf(query))).as(query)
				.doesNotContain("Seq Scan on vehicles")
				.doesNotContain("Sort Key");
		}
	}

}
