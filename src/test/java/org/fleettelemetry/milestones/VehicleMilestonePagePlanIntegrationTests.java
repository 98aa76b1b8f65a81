package org.fleettelemetry.milestones;

import java.sql.Timestamp;
import java.time.Instant;

import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.QueryPlans;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of every vehicle's milestones is a range of an index, read in its order: over
 * 60,000 milestones the first page and one after the 50,000th read as many pages of the
 * database, and neither sorts.
 */
@Tag("slow")
class VehicleMilestonePagePlanIntegrationTests extends IntegrationTests {

	static final Instant START = Instant.parse("2014-01-01T00:00:00Z");

	/** The plan of a page of 100 as run, with the database pages it read. */
	JsonNode plan(Instant at, long id) {
		String text = this.jdbc.sql("explain (analyze, buffers, format json) " + Milestones.VEHICLE_PAGE)
			.param("at", (at != null) ? Timestamp.from(at) : null)
			.param("id", id)
			.param("size", 101)
			.query(String.class)
			.single();
		return QueryPlans.of(text);
	}

	@Test
	void theFirstPageAndOneDeepInTheListReadAnIndexRangeWithoutSorting() {
		// 20,000 vehicles past three thresholds each, three at a time (ties of
		// reached_at), among fleet milestones
		this.jdbc.sql("""
				insert into milestones (scope, subject, threshold_km, vin, reached_at, fleet_distance_m)
				select 'VEHICLE', vin, threshold_km, vin, timestamptz '2014-01-01Z' + v * interval '1 minute', v * 1000
				from generate_series(1, 20000) v
				cross join lateral (select 'SJNFAAZE0U6' || lpad(v::text, 6, '0') as vin) named
				cross join unnest(array[10000, 50000, 100000]) threshold_km
				order by v, threshold_km""").update();
		this.jdbc
			.sql("""
					insert into milestones (scope, subject, threshold_km, vin, reached_at, fleet_distance_m)
					select 'FLEET', '', f * 1000000, 'SJNFAAZE0U6000001', timestamptz '2014-01-01Z' + f * interval '1 day', 0
					from generate_series(1, 500) f""")
			.update();
		this.jdbc.sql("analyze milestones").update();
		long ids = this.jdbc.sql("select count(*) from milestones where scope = 'VEHICLE'").query(Long.class).single();
		assertThat(ids).isEqualTo(60_000);
		// after the 50,000th from the latest: vehicle 3,334 and the first two
		// of its three
		long deepId = this.jdbc.sql("""
				select id from milestones where scope = 'VEHICLE'
				order by reached_at desc, id desc offset 49999 limit 1""").query(Long.class).single();
		Instant deepAt = this.jdbc.sql("select reached_at from milestones where id = ?")
			.param(deepId)
			.query(Timestamp.class)
			.single()
			.toInstant();

		JsonNode first = plan(null, Long.MAX_VALUE);
		JsonNode deep = plan(deepAt, deepId);

		for (JsonNode plan : new JsonNode[] { first, deep }) {
			assertThat(QueryPlans.nodes(plan)).contains("Index Scan on milestones using milestones_by_time")
				.contains("ROW(reached_at, id) <")
				.doesNotContain("Seq Scan")
				.doesNotContain("Sort")
				.doesNotContain("Bitmap");
			assertThat(plan.get("Actual Rows").asLong()).isEqualTo(101);
		}
		assertThat(deepAt).isEqualTo(START.plusSeconds(60L * (20_000 - 16_666)));
		// 101 rows of a couple of hundred bytes: a few heap pages and the index's levels;
		// a scan of the milestones before the cursor would read hundreds
		assertThat(QueryPlans.pagesRead(deep)).as(QueryPlans.nodes(deep))
			.isLessThanOrEqualTo(QueryPlans.pagesRead(first) + 3);
		assertThat(QueryPlans.pagesRead(first)).as(QueryPlans.nodes(first)).isLessThan(20);
	}

}
