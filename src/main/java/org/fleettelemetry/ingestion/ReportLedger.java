package org.fleettelemetry.ingestion;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.fleettelemetry.fleet.FleetDelta;
import org.fleettelemetry.fleet.FleetLedger;
import org.fleettelemetry.shared.ErrorCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits a batch of reports in one transaction: each is judged against its vehicle's
 * readings under that vehicle's row lock, then everything the batch changed is written
 * set-wise, the fleet aggregates once. A report is credited
 * {@code max(0, reading - highest reading so far)}, so replays and late reports credit
 * nothing and a lost report is made up by the next. A released anomaly's report is
 * credited here too ({@link #release}), judged with one check waived: there is no other
 * copy of the rule.
 */
@Service
class ReportLedger {

	private final ReportStore store;

	private final Judge judge;

	private final FleetLedger fleet;

	private final Clock clock;

	ReportLedger(ReportStore store, Judge judge, FleetLedger fleet, Clock clock) {
		this.store = store;
		this.judge = judge;
		this.fleet = fleet;
		this.clock = clock;
	}

	/**
	 * Credits the submissions in the transaction {@link LedgerTransactions} began, which
	 * tells a failure of its commit from one before it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Outcome> credit(List<Submission> submissions) {
		return credit(submissions, Waiver.NONE, (outcome) -> {
		});
	}

	/**
	 * Credits a quarantined report again, in a transaction of its own, by the same rule
	 * as any report but for the check the waiver sets aside. Once it is judged, under its
	 * vehicle's lock and before anything is written, {@code resolution} gets its outcome:
	 * it changes the anomaly's state (conditionally) or throws, and then nothing of the
	 * transaction is kept. So the state change commits with the credit, or neither does.
	 */
	@Transactional
	Outcome release(Submission submission, Waiver waiver, Consumer<Outcome> resolution) {
		return credit(List.of(submission), waiver, resolution).get(0);
	}

	private List<Outcome> credit(List<Submission> submissions, Waiver waiver, Consumer<Outcome> resolution) {
		Instant now = this.clock.instant();
		ReportStore.Loaded loaded = this.store.load(submissions);
		Map<String, VehicleState> vehicles = loaded.vehicles();
		Map<ReportStore.ReportKey, ReportStore.Stored> known = loaded.stored();
		Batch batch = new Batch();
		List<Outcome> outcomes = new ArrayList<>(submissions.size());
		for (Submission submission : submissions) {
			outcomes.add(credit(submission, vehicles, known, batch, now, waiver));
		}
		outcomes.forEach(resolution);
		this.store.insertAnomalies(batch.anomalies, now);
		if (!batch.credited.isEmpty()) {
			this.store.write(batch.credited, vehicles.values(), batch.reportingDays, now)
				.forEach(batch.fleet::newReportingVehicles);
		}
		this.fleet.record(batch.fleet);
		return outcomes;
	}

	private Outcome credit(Submission submission, Map<String, VehicleState> vehicles,
			Map<ReportStore.ReportKey, ReportStore.Stored> known, Batch batch, Instant now, Waiver waiver) {
		Report report = submission.report();
		VehicleState vehicle = vehicles.get(submission.vin());
		if (vehicle == null) {
			return batch.quarantine(submission, ErrorCode.UNKNOWN_VEHICLE,
					"No vehicle is registered with VIN " + submission.vin());
		}
		var key = new ReportStore.ReportKey(vehicle.ref.id(), report.reportId());
		ReportStore.Stored previous = known.get(key);
		if (previous != null) {
			return previous.report().equals(report)
					? Outcome.duplicate(report.reportId(), previous.creditedM(), vehicle.distanceM())
					: Outcome.rejected(report.reportId(), ErrorCode.REPORT_ID_CONFLICT,
							"Report " + report.reportId() + " was already received with other content");
		}
		if (vehicle.retiredAt != null) {
			return batch.quarantine(submission, ErrorCode.VEHICLE_RETIRED,
					"Vehicle " + vehicle.ref.vin() + " was retired at " + vehicle.retiredAt);
		}
		Judge.Verdict refusal = this.judge.refusal(vehicle, report, now, waiver);
		if (refusal != null) {
			return batch.quarantine(submission, refusal.code(), refusal.detail());
		}
		VehicleState.Odometer odometer = vehicle.odometerAt(report.recordedAt());
		long creditedM = odometer.accept(new Reading(report.recordedAt(), report.odometerM()));
		vehicle.count(report, creditedM);
		known.put(key, new ReportStore.Stored(report, creditedM));
		batch.credited.add(new ReportStore.Credited(vehicle.ref.id(), odometer.seq, report, creditedM));
		batch.fleet.accepted(vehicle.ref.vin(), vehicle.distanceM(), report.day(), vehicle.ref.country(), creditedM);
		batch.reportingDays.add(new ReportStore.VehicleDay(vehicle.ref.id(), report.day()));
		return Outcome.accepted(report.reportId(), creditedM, vehicle.distanceM());
	}

	/** What one transaction has to write once every report is judged. */
	private static final class Batch {

		final List<ReportStore.Credited> credited = new ArrayList<>();

		final List<ReportStore.Anomaly> anomalies = new ArrayList<>();

		final Set<ReportStore.VehicleDay> reportingDays = new HashSet<>();

		final FleetDelta fleet = new FleetDelta();

		Outcome quarantine(Submission submission, ErrorCode code, String detail) {
			this.anomalies.add(new ReportStore.Anomaly(submission.vin(), submission.report().reportId(), code, detail,
					submission.json().toString()));
			return Outcome.rejected(submission.report().reportId(), code, detail);
		}

	}

}
