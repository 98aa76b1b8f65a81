package org.fleettelemetry.ingestion;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.fleettelemetry.shared.Cursor;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.QueryPlans;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vehicle's history page is an index range scan: with 1,000,000 stored reports of that
 * vehicle it reads as many pages of the database as with 100, whether it is the first
 * page, one deep in the history, or one of a date range.
 */
@Tag("slow")
class ReportHistoryPlanIntegrationTests extends IntegrationTests {

	/** Stores {@code count} readings of a new vehicle, a minute apart from 2014 on. */
	long vehicleWith(String vin, int count) {
		long id = this.jdbc.sql("""
				insert into vehicles (vin, model, country, token_hash, registered_at)
				values (?, 'LEAF', 'ES', md5(?) || md5(?), '2014-01-01Z') returning id""")
			.params(vin, vin, vin)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into odometers (vehicle_id, seq, baseline_m, created_at) values (?, 0, 0, now())")
			.param(id)
			.update();
		this.jdbc.sql("""
				insert into reports (vehicle_id, report_id, type, odometer_seq, recorded_at, odometer_m, credited_m,
				    received_at)
				select ?, 'r-' || i, 'ODOMETER', 0, timestamptz '2014-01-01Z' + i * interval '1 minute', i * 500, 500,
				       now()
				from generate_series(1, ?) i""").params(id, count).update();
		return id;
	}

	/** The plan of a page as run, with the database pages it read. */
	JsonNode plan(String vin, LocalDate from, LocalDate to, Cursor cursor) {
		ReportHistory.Before before = ReportHistory.Before.of(cursor, to);
		String text = this.jdbc.sql("explain (analyze, buffers, format json) " + ReportHistory.PAGE)
			.param("vin", vin)
			.param("from", (from != null) ? Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()) : null)
			.param("at", (before.at() != null) ? Timestamp.from(before.at()) : null)
			.param("reading", before.reading())
			.param("reportId", before.reportId())
			.param("size", 101)
			.query(String.class)
			.single();
		return QueryPlans.of(text);
	}

	@Test
	void aPageOfAMillionReportsReadsWhatAPageOfAHundredReads() {
		vehicleWith("SJNFAAZE0U6000100", 100);
		vehicleWith("SJNFAAZE0U6001000", 1_000_000);
		this.jdbc.sql("analyze vehicles, odometers, reports").update();
		// the cursor after the 500,000th report
		Cursor deep = new Cursor("recordedAt", List
			.of(Instant.parse("2014-01-01T00:00:00Z").plusSeconds(60L * 500_000).toString(), "250000000", "r-500000"));

		JsonNode few = plan("SJNFAAZE0U6000100", null, null, null);
		JsonNode first = plan("SJNFAAZE0U6001000", null, null, null);
		JsonNode inside = plan("SJNFAAZE0U6001000", null, null, deep);
		JsonNode range = plan("SJNFAAZE0U6001000", LocalDate.parse("2014-06-01"), LocalDate.parse("2014-06-02"), null);

		for (JsonNode plan : new JsonNode[] { few, first, inside, range }) {
			// the two vehicles and their odometers fit a page: scanned whole, rightly;
			// the reports of 2014 are in the slice of every time before the first month
			assertThat(QueryPlans.nodes(plan))
				.contains("Index Scan on reports_older using reports_older_by_reading_time")
				.doesNotContain("Seq Scan on reports")
				.doesNotContain("Bitmap Heap Scan on reports");
			assertThat(plan.get("Actual Rows").asLong()).isEqualTo(plan == few ? 100 : 101);
		}
		long base = QueryPlans.pagesRead(few);
		// the index is one or two levels deeper over a million reports, and 101 of them
		// span a couple of heap pages: a scan of the vehicle's reports
		// would read thousands
		assertThat(QueryPlans.pagesRead(first)).as(QueryPlans.nodes(first)).isLessThanOrEqualTo(base + 10);
		assertThat(QueryPlans.pagesRead(inside)).as(QueryPlans.nodes(inside)).isLessThanOrEqualTo(base + 10);
		assertThat(QueryPlans.pagesRead(range)).as(QueryPlans.nodes(range)).isLessThanOrEqualTo(base + 10);
	}

}
