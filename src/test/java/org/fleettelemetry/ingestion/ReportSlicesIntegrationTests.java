package org.fleettelemetry.ingestion;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.fleettelemetry.support.Api.Response;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Reports kept in monthly slices of their recording time: the months ahead exist, the
 * one-report-per-id rule holds across slices under racing requests, and retention drops
 * whole slices while every figure stays as it was.
 */
class ReportSlicesIntegrationTests extends IntegrationTests {

	@Autowired
	ReportSlices slices;

	@Autowired
	ReportSliceKeeper keeper;

	@Autowired
	TransactionTemplate transaction;

	static Instant monthStart(Instant at, int plusMonths) {
		return at.atOffset(ZoneOffset.UTC)
			.withDayOfMonth(1)
			.truncatedTo(ChronoUnit.DAYS)
			.plusMonths(plusMonths)
			.toInstant();
	}

	List<String> sliceNames() {
		return this.jdbc.sql("select name from table_slices where parent = 'reports' order by starts")
			.query(String.class)
			.list();
	}

	static Map<String, Object> odometer(String reportId, Instant recordedAt, String km) {
		return Map.of("reportId", reportId, "type", "ODOMETER", "recordedAt", recordedAt.toString(), "odometerKm",
				new BigDecimal(km));
	}

	Response post(String vin, String token, Map<String, Object> report) {
		return this.api.post("/api/v1/vehicles/" + vin + "/reports", token, report);
	}

	/** The figures retention must leave as they were. */
	List<String> figures(String... vins) {
		List<String> all = new ArrayList<>();
		all.add(this.api.get("/api/v1/fleet/summary", null).body().get("distanceKm").toString());
		all.add(daily("/api/v1/fleet/daily?from=2014-09-01&to=2015-01-31"));
		all.add(daily("/api/v1/fleet/daily?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(40)));
		all.add(this.api.get("/api/v1/fleet/countries", null).body().toString());
		all.add(this.api.get("/api/v1/fleet/leaders", ADMIN_TOKEN).body().toString());
		all.add(this.api.get("/api/v1/milestones", ADMIN_TOKEN).body().toString());
		for (String vin : vins) {
			all.add(this.api.get("/api/v1/vehicles/" + vin, ADMIN_TOKEN).body().get("distanceKm").toString());
		}
		return all;
	}

	long openAnomalies() {
		return this.jdbc.sql("select sum(anomalies) from anomalies_open").query(Long.class).single();
	}

	String daily(String path) {
		Response daily = this.api.get(path, null);
		assertThat(daily.status()).as(path).isEqualTo(200);
		return daily.body().toString();
	}

	@Test
	void theMonthsAheadAreReadyBeforeAnyReportNeedsThem() {
		Instant now = Instant.now();
		List<String> names = sliceNames();
		for (int month = 0; month <= 2; month++) {
			assertThat(names)
				.contains("reports_" + monthStart(now, month).toString().substring(0, 7).replace('-', '_'));
		}
		// a month later the keeper adds the next one, once, whichever instance runs first
		Instant later = monthStart(now, 3);
		// one month of reports and one of anomalies
		assertThat(this.slices.ensureUntil(later)).isEqualTo(2);
		assertThat(this.slices.ensureUntil(later)).isZero();
		assertThat(sliceNames()).last().isEqualTo("reports_" + later.toString().substring(0, 7).replace('-', '_'));
	}

	@Test
	void everyTimeIsHeldByTheSliceOfItsMonthOrByTheCatchAll() {
		List<Map<String, Object>> answers = this.jdbc.sql("""
				select s.name, slice_holding(s.parent, s.starts)::text as at_start,
				       slice_holding(s.parent, s.ends - interval '1 microsecond')::text as at_end
				from table_slices s""").query().listOfRows();
		// three months of reports and of anomalies at least
		assertThat(answers).hasSizeGreaterThanOrEqualTo(6);
		answers.forEach((answer) -> assertThat(answer)
			.as("the slices holding the first and last instants of %s", answer.get("name"))
			.containsEntry("at_start", answer.get("name"))
			.containsEntry("at_end", answer.get("name")));
		for (String parent : List.of("reports", "anomalies")) {
			assertThat(this.jdbc.sql("select slice_holding(:parent, '1990-01-01T00:00:00Z')::text")
				.param("parent", parent)
				.query(String.class)
				.single()).isEqualTo(parent + "_older");
		}
	}

	@Test
	void oneReportIdIsOneReportAcrossSlicesWhateverRacesForIt() throws Exception {
		// the same reportId recorded in 2014 (the slice of all earlier time) and now
		// (this month's slice) races from two requests for each of 40 vehicles
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		int vehicles = 40;
		List<String[]> cars = new ArrayList<>();
		for (int i = 0; i < vehicles; i++) {
			String vin = "SJNFAAZE0U6%06d".formatted(i);
			cars.add(new String[] { vin, this.api.register(vin, "ES", 1000.0) });
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<CompletableFuture<Response>> answers = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		try {
			for (String[] car : cars) {
				for (Map<String, Object> report : List.of(
						odometer("same", Instant.parse("2014-09-30T10:00:00Z"), "1100"),
						odometer("same", now, "1200"))) {
					answers.add(CompletableFuture.supplyAsync(() -> {
						try {
							start.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						return post(car[0], car[1], report);
					}, pool));
				}
			}
			start.countDown();
			for (int i = 0; i < vehicles; i++) {
				Response first = answers.get(2 * i).get();
				Response second = answers.get(2 * i + 1).get();
				List<Integer> statuses = new ArrayList<>(List.of(first.status(), second.status()));
				statuses.sort(null);
				assertThat(statuses).as("%s then %s", first, second).containsExactly(201, 409);
				Response conflict = (first.status() == 409) ? first : second;
				assertThat(conflict.text("code")).isEqualTo("REPORT_ID_CONFLICT");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from reports where report_id = 'same'").query(Long.class).single())
			.isEqualTo(vehicles);
		// whichever copy won, the other belonged to the other slice: no slice's own key
		// could have refused it
		assertThat(this.jdbc.sql("select count(*) from reports group by vehicle_id, report_id having count(*) > 1")
			.query(Long.class)
			.list()).isEmpty();
	}

	@Test
	void retentionDropsWholeSlicesAndEveryFigureStaysAsItWas() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String vin = "SJNFAAZE0U6000001";
		String token = this.api.register(vin, "NO", 1000.0);
		assertThat(post(vin, token, odometer("old-1", Instant.parse("2014-09-30T10:00:00Z"), "1100")).status())
			.isEqualTo(201);
		assertThat(post(vin, token, odometer("old-2", Instant.parse("2015-01-10T10:00:00Z"), "1300")).status())
			.isEqualTo(201);
		assertThat(post(vin, token, odometer("new-1", now.minusSeconds(60), "1350.5")).status()).isEqualTo(201);
		List<String> before = figures(vin);
		Instant thisMonth = monthStart(now, 0);

		// everything recorded before this month is older than a cutoff at its start
		List<String> dropped = this.slices.dropBefore(thisMonth, Duration.ofSeconds(5));

		assertThat(dropped).filteredOn((name) -> name.startsWith("reports_"))
			.singleElement()
			.asString()
			.startsWith("reports_detached_")
			.endsWith("_older");
		assertThat(figures(vin)).isEqualTo(before);
		assertThat(this.jdbc.sql("select report_id from reports order by recorded_at").query(String.class).list())
			.containsExactly("new-1");
		assertThat(this.jdbc.sql("select count(*) from pg_class where relname like 'reports_detached%'")
			.query(Long.class)
			.single()).isZero();
		// a replay of a removed report is judged afresh: the odometer has passed it
		Response replay = post(vin, token, odometer("old-2", Instant.parse("2015-01-10T10:00:00Z"), "1300"));
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.decimal("creditedKm")).isEqualByComparingTo("0");
		assertThat(figures(vin)).isEqualTo(before);
		// and a report newer than the vehicle's last still credits as before
		assertThat(post(vin, token, odometer("new-2", now, "1351.5")).decimal("creditedKm"))
			.isEqualByComparingTo("1.000");

		// a cutoff past this month takes its slice too, the next month's keeps its
		// reports; first, an anomaly of this month, open, in the quarantine's count
		assertThat(post(vin, token, odometer("future", now.plus(Duration.ofDays(1)), "1400")).text("code"))
			.isEqualTo("TIMESTAMP_IN_FUTURE");
		assertThat(openAnomalies()).isOne();
		List<String> more = this.slices.dropBefore(monthStart(now, 1), Duration.ofSeconds(5));
		assertThat(more).filteredOn((name) -> name.startsWith("reports_"))
			.hasSize(2)
			.anySatisfy(
					(name) -> assertThat(name).endsWith("_" + thisMonth.toString().substring(0, 7).replace('-', '_')));
		assertThat(this.jdbc.sql("select count(*) from reports").query(Long.class).single()).isZero();
		// the anomalies received this month went with their slice, and out of the count
		assertThat(this.jdbc.sql("select count(*) from anomalies").query(Long.class).single()).isZero();
		assertThat(openAnomalies()).isZero();
		assertThat(sliceNames()).first()
			.isEqualTo("reports_" + monthStart(now, 1).toString().substring(0, 7).replace('-', '_'));
		assertThat(post(vin, token, odometer("new-3", now.plusSeconds(1), "1352.5")).decimal("creditedKm"))
			.isEqualByComparingTo("1.000");
	}

	@Test
	void aDropGivesUpRatherThanHoldInsertsBehindABusyTable() {
		Instant thisMonth = monthStart(Instant.now(), 0);
		String vin = "SJNFAAZE0U6000002";
		String token = this.api.register(vin, "NO", 1000.0);
		post(vin, token, odometer("old-1", Instant.parse("2014-09-30T10:00:00Z"), "1100"));
		List<String> dropped = this.transaction.execute((status) -> {
			// a transaction that has written reports holds the table until it ends
			this.jdbc.sql("lock table reports in row exclusive mode").update();
			return CompletableFuture.supplyAsync(() -> this.slices.dropBefore(thisMonth, Duration.ofMillis(50))).join();
		});
		assertThat(dropped).isEmpty();
		assertThat(this.jdbc.sql("select report_id from reports").query(String.class).list()).containsExactly("old-1");
	}

	@Test
	void theKeeperDropsWhatIsOlderThanTheRetention() {
		String vin = "SJNFAAZE0U6000003";
		String token = this.api.register(vin, "NO", 1000.0);
		post(vin, token, odometer("old-1", Instant.parse("2014-09-30T10:00:00Z"), "1100"));
		Instant now = Instant.now();
		ReportStorageSettings keepAll = new ReportStorageSettings(null, 2, Duration.ofHours(1), Duration.ofSeconds(5),
				null, null);
		new ReportSliceKeeper(this.slices, keepAll, Clock.systemUTC()).runOnce();
		assertThat(this.jdbc.sql("select count(*) from reports").query(Long.class).single()).isEqualTo(1);

		ReportStorageSettings oneYear = new ReportStorageSettings(Duration.ofDays(365), 2, Duration.ofHours(1),
				Duration.ofSeconds(5), null, null);
		// a year after this month began, all of 2014 and this month's slice are past it
		Clock nextYear = Clock.fixed(monthStart(now, 13), ZoneOffset.UTC);
		new ReportSliceKeeper(this.slices, oneYear, nextYear).runOnce();
		assertThat(this.jdbc.sql("select count(*) from reports").query(Long.class).single()).isZero();
		assertThat(sliceNames()).first()
			.isEqualTo("reports_" + monthStart(now, 1).toString().substring(0, 7).replace('-', '_'));
		assertThat(sliceNames()).last()
			.isEqualTo("reports_" + monthStart(now, 15).toString().substring(0, 7).replace('-', '_'));
		assertThat(this.keeper.isRunning()).isTrue();
	}

	@Test
	void theKeeperDropsOnlyWithinItsWindow() {
		String vin = "SJNFAAZE0U6000004";
		String token = this.api.register(vin, "NO", 1000.0);
		post(vin, token, odometer("old-1", Instant.parse("2014-09-30T10:00:00Z"), "1100"));
		ReportStorageSettings atNight = new ReportStorageSettings(Duration.ofDays(365), 2, Duration.ofHours(1),
				Duration.ofSeconds(5), LocalTime.of(2, 0), LocalTime.of(5, 0));
		Instant nextYear = monthStart(Instant.now(), 13);
		// past the retention, but at 01:30 UTC
		new ReportSliceKeeper(this.slices, atNight, Clock.fixed(nextYear.plus(Duration.ofMinutes(90)), ZoneOffset.UTC))
			.runOnce();
		assertThat(this.jdbc.sql("select count(*) from reports").query(Long.class).single()).isEqualTo(1);
		// 02:30 UTC
		new ReportSliceKeeper(this.slices, atNight, Clock.fixed(nextYear.plus(Duration.ofMinutes(150)), ZoneOffset.UTC))
			.runOnce();
		assertThat(this.jdbc.sql("select count(*) from reports").query(Long.class).single()).isZero();
	}

	@Test
	void aDropWindowMayCrossMidnightButNotBeShorterThanTheMaintenanceInterval() {
		ReportStorageSettings overMidnight = new ReportStorageSettings(Duration.ofDays(365), 2, Duration.ofHours(1),
				Duration.ofSeconds(5), LocalTime.of(22, 0), LocalTime.of(4, 0));
		assertThat(overMidnight.mayDropAt(Instant.parse("2030-01-01T23:30:00Z"))).isTrue();
		assertThat(overMidnight.mayDropAt(Instant.parse("2030-01-01T03:59:00Z"))).isTrue();
		assertThat(overMidnight.mayDropAt(Instant.parse("2030-01-01T04:00:00Z"))).isFalse();
		assertThat(overMidnight.mayDropAt(Instant.parse("2030-01-01T12:00:00Z"))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new ReportStorageSettings(Duration.ofDays(365), 2,
				Duration.ofHours(1), Duration.ofSeconds(5), LocalTime.of(2, 0), LocalTime.of(2, 30)));
		assertThatIllegalArgumentException().isThrownBy(() -> new ReportStorageSettings(Duration.ofDays(365), 2,
				Duration.ofHours(1), Duration.ofSeconds(5), LocalTime.of(2, 0), null));
	}

}
