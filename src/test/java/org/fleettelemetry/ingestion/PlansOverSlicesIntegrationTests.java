package org.fleettelemetry.ingestion;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.IntConsumer;

import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two reads of every slice of reports, crediting's look-up of stored reports and a
 * vehicle's page of them, run one generic plan kept on the server once this month's slice
 * has been analyzed with 10,000 reports in it, without sequential scans. Before, the
 * look-up is planned for its ids each time: a plan kept from then would have been made
 * for empty or small slices, and could read a slice whole for every read as it filled.
 */
class PlansOverSlicesIntegrationTests extends IntegrationTests {

	private static final int VEHICLES = 40;

	/**
	 * Reports of this month, 300 a vehicle: past the 10,000 the generic plan waits for.
	 */
	private static final int FILLED = 12_000;

	@Autowired
	ReportStore store;

	@Autowired
	ReportHistory history;

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
		Plans plans = plans("%from reports r where r.vehicle_id%",
				(i) -> assertThat(this.store.load(List.of(submission(i % VEHICLES + 1, "look-up-" + i))).stored())
					.isEmpty(),
				() -> assertThat(this.store.load(List.of(submission(7, "filled-7"))).stored()).hasSize(1));
		assertThat(plans.whileEmpty).as("generic plans while the slices are empty").isZero();
		assertThat(plans.filledNotAnalyzed).as("generic plans before the slice is analyzed").isZero();
		assertThat(plans.sequentialScansBefore).as("sequential scans of a slice before").isZero();
		plans.assertKeptOnceAnalyzed();
		assertThat(plans.fetchedForOne).as("reports read to find one").isOne();
	}

	@Test
	void aVehiclesPageKeepsAGenericPlanOnceThisMonthsSliceIsAnalyzedFull() {
		Plans plans = plans("%order by r.recorded_at desc, r.odometer_m desc, r.report_id desc%",
				(i) -> this.history.page(vin(i % VEHICLES + 1), null, null, null, 100),
				() -> assertThat(this.history.page(vin(7), null, null, null, 100).items()).hasSize(100));
		// before, PostgreSQL chooses (a small database like this one gets generic plans
		// from it too: the mode set is what tells)
		assertThat(plans.modeBefore).isEqualTo("auto");
		assertThat(plans.modeAnalyzed).isEqualTo("force_generic_plan");
		plans.assertKeptOnceAnalyzed();
		// a page of 100, one more to know there is a next, and one more for the sort to
		// know the last group of equal times ended: not the vehicle's 300 of this month
		assertThat(plans.fetchedForOne).as("reports read for a page of 100").isBetween(101L, 102L);
	}

	/**
	 * Uses a read ten times while this month's slice is empty, ten times once it is
	 * filled but not yet analyzed, and ten times once analyzed; then once more, counting
	 * the reports it fetched. One transaction: one connection, whose statistics are read.
	 */
	private Plans plans(String statement, IntConsumer read, Runnable readOnce) {
		return new TransactionTemplate(this.transactionManager).execute((status) -> {
			Plans result = new Plans();
			// the counters of this connection's transactions of the last second, not yet
			// published, count in too: only differences are this transaction's own
			long scans = sliceCounter("seq_scan");
			tenTimes(read);
			result.whileEmpty = genericPlans(statement);
			this.jdbc
				.sql("""
						insert into reports (vehicle_id, report_id, type, odometer_seq, recorded_at, odometer_m, credited_m,
						                     received_at)
						select v.id, 'filled-' || g, 'ODOMETER', 0, :now::timestamptz - g * interval '1 millisecond', g, 0, :now
						from vehicles v cross join generate_series(1, :perVehicle) g""")
				.param("now", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
				.param("perVehicle", FILLED / VEHICLES)
				.update();
			tenTimes(read);
			result.filledNotAnalyzed = genericPlans(statement);
			// as autovacuum does once a tenth of a slice has changed
			result.modeBefore = planCacheMode();
			this.jdbc.sql("analyze reports").update();
			result.sequentialScansBefore = sliceCounter("seq_scan") - scans;
			scans = sliceCounter("seq_scan");
			tenTimes(read);
			result.analyzed = genericPlans(statement);
			result.modeAnalyzed = planCacheMode();
			long before = sliceCounter("idx_tup_fetch");
			readOnce.run();
			result.fetchedForOne = sliceCounter("idx_tup_fetch") - before;
			result.sequentialScansAnalyzed = sliceCounter("seq_scan") - scans;
			return result;
		});
	}

	private static void tenTimes(IntConsumer read) {
		for (int i = 0; i < 10; i++) {
			read.accept(i);
		}
	}

	private static Submission submission(int vehicle, String reportId) {
		Submission any = GroupCommitTests.submission(reportId);
		return new Submission(vin(vehicle), any.report(), any.json());
	}

	private static String vin(int i) {
		return "SJNFAAZE0U6%06d".formatted(i);
	}

	/** The plan cache mode in force now, in this transaction. */
	private String planCacheMode() {
		return this.jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single();
	}

	/** How many times this connection ran the statement on a plan kept on the server. */
	private long genericPlans(String statement) {
		return this.jdbc.sql("""
				select coalesce(sum(generic_plans), 0) from pg_prepared_statements
				where statement like :statement""").param("statement", statement).query(Long.class).single();
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

		long sequentialScansBefore;

		String modeBefore;

		String modeAnalyzed;

		long sequentialScansAnalyzed;

		void assertKeptOnceAnalyzed() {
			assertThat(this.analyzed).as("generic plans once it is analyzed").isPositive();
			assertThat(this.sequentialScansAnalyzed).as("sequential scans of a slice once it is").isZero();
		}

	}

}
