package org.fleettelemetry.ingestion;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-up of stored reports is planned for its ids until this month's slice has been
 * analyzed with 10,000 reports in it, and then runs one generic plan kept on the server,
 * a probe of each slice's key per id: a plan kept from before would have been made for
 * empty or small slices, and could read a slice whole for every report as it filled.
 */
class StoredReportLookupIntegrationTests extends IntegrationTests {

	private static final int VEHICLES = 40;

	/**
	 * Reports of this month, 300 a vehicle: past the 10,000 the generic plan waits for.
	 */
	private static final int FILLED = 12_000;

	@Autowired
	ReportStore store;

	@Autowired
	PlatformTransactionManager transactionManager;

	@BeforeEach
	void registerTheVehicles() {
		for (int i = 1; i <= VEHICLES; i++) {
			this.api.register(vin(i), "ES", null);
		}
	}

	@Test
	void theLookUpKeepsAGenericPlanOnlyOnceThisMonthsSliceIsAnalyzedFull() {
		Plans plans = new TransactionTemplate(this.transactionManager).execute((status) -> {
			Plans result = new Plans();
			// the counters of this connection's transactions of the last second, not yet
			// published, count in too: only differences are this transaction's own
			long scansBefore = sequentialScans();
			lookUpTenTimes();
			result.whileEmpty = genericPlans();
			this.jdbc
				.sql("""
						insert into reports (vehicle_id, report_id, type, odometer_seq, recorded_at, odometer_m, credited_m,
						                     received_at)
						select v.id, 'filled-' || g, 'ODOMETER', 0, :now::timestamptz - g * interval '1 millisecond', g, 0, :now
						from vehicles v cross join generate_series(1, :perVehicle) g""")
				.param("now", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
				.param("perVehicle", FILLED / VEHICLES)
				.update();
			lookUpTenTimes();
			result.filledNotAnalyzed = genericPlans();
			// as autovacuum does once a tenth of a slice has changed
			this.jdbc.sql("analyze reports").update();
			lookUpTenTimes();
			result.analyzed = genericPlans();
			long before = indexFetches();
			assertThat(this.store.load(List.of(submission(7, "filled-7"))).stored()).hasSize(1);
			result.fetchedForOne = indexFetches() - before;
			result.sequentialScans = sequentialScans() - scansBefore;
			return result;
		});
		assertThat(plans.whileEmpty).as("generic plans while the slices are empty").isZero();
		assertThat(plans.filledNotAnalyzed).as("generic plans before the slice is analyzed").isZero();
		assertThat(plans.analyzed).as("generic plans once it is").isPositive();
		assertThat(plans.fetchedForOne).as("reports read to find one").isOne();
		assertThat(plans.sequentialScans).as("sequential scans of a slice").isZero();
	}

	private void lookUpTenTimes() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.store.load(List.of(submission(i % VEHICLES + 1, "look-up-" + i))).stored()).isEmpty();
		}
	}

	private static Submission submission(int vehicle, String reportId) {
		Submission any = GroupCommitTests.submission(reportId);
		return new Submission(vin(vehicle), any.report(), any.json());
	}

	private static String vin(int i) {
		return "SJNFAAZE0U6%06d".formatted(i);
	}

	/** How many times this connection ran the look-up on a plan kept on the server. */
	private long genericPlans() {
		return this.jdbc.sql("""
				select coalesce(sum(generic_plans), 0) from pg_prepared_statements
				where statement like '%from reports r where r.vehicle_id%'""").query(Long.class).single();
	}

	/** Rows fetched from the slices of reports through an index, not yet published. */
	private long indexFetches() {
		return sliceCounter("idx_tup_fetch");
	}

	private long sequentialScans() {
		return sliceCounter("seq_scan");
	}

	/** A counter of this connection's statistics of the slices, not yet published. */
	private long sliceCounter(String column) {
		return this.jdbc.sql("""
				select coalesce(sum(%s), 0) from pg_stat_xact_user_tables
				where relname like 'reports\\_%%'""".formatted(column)).query(Long.class).single();
	}

	private static final class Plans {

		long whileEmpty;

		long filledNotAnalyzed;

		long analyzed;

		long fetchedForOne;

		long sequentialScans;

	}

}
