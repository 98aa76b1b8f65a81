package org.fleettelemetry.ingestion;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.shared.Distances;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.Fields;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Page;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of the quarantine: its list, and an operator's release or discard of an
 * anomaly.
 * <p>
 * A release is judged again, now, by the ledger that credits every report, with one check
 * set aside ({@link Waiver}), and credited through the same path: vehicle and fleet
 * figures, daily and country series, milestones and their webhooks, metrics. Its
 * transaction changes the anomaly with {@code where id = ? and status = 'OPEN'} after its
 * vehicle's lock is held and commits it with the credit, so however many releases of one
 * anomaly race, on however many instances, one credits it and the others find it
 * resolved: the first holds the vehicle's lock until it commits, the next then finds the
 * report stored and the anomaly RELEASED, and rolls back. It goes to the ledger in a
 * transaction of its own, not through the group commit ({@link Ingestion#release}).
 */
@Service
class QuarantineReview {

	/**
	 * The codes a release may set aside, and how: the speed check is waived; an unknown
	 * VIN or a report ahead of the clock is judged as it stands, and passes once the VIN
	 * is registered or its time has come. A rollback or a retired vehicle is never
	 * released.
	 */
	private static final Map<ErrorCode, Waiver> RELEASABLE = Map.of(ErrorCode.IMPLAUSIBLE_DISTANCE, Waiver.SPEED_CHECK,
			ErrorCode.UNKNOWN_VEHICLE, Waiver.NONE, ErrorCode.TIMESTAMP_IN_FUTURE, Waiver.NONE);

	/** Resolves an OPEN anomaly as released; conditional, so that it happens once. */
	private static final String RELEASE = """
			update anomalies set status = 'RELEASED', resolved_at = ?, reason = ?, resolved_by = ?, credited_m = ?
			where id = ? and status = 'OPEN'""";

	/** Resolves an OPEN anomaly as discarded; conditional, so that it happens once. */
	private static final String DISCARD = """
			update anomalies set status = 'DISCARDED', resolved_at = ?, reason = ?, resolved_by = ?
			where id = ? and status = 'OPEN'""";

	private final Anomalies anomalies;

	private final Ingestion ingestion;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	QuarantineReview(Anomalies anomalies, Ingestion ingestion, JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.anomalies = anomalies;
		this.ingestion = ingestion;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * A keyset page of the anomalies that pass {@code filter}, newest first, after
	 * {@code cursor} (the first page without one).
	 */
	@Transactional(readOnly = true)
	Page<AnomalyView> list(AnomalyFilter filter, @Nullable String cursor, int size) {
		Specification<Anomaly> query = filter.specification();
		if (cursor != null) {
			query = query.and(AnomalyFilter.after(cursor));
		}
		List<Anomaly> found = this.anomalies.findBy(query,
				(q) -> q.sortBy(AnomalyFilter.NEWEST_FIRST).limit(size + 1).all());
		return Page.of(found, size, this::view, AnomalyFilter::cursorAfter);
	}

	/**
	 * Releases an OPEN anomaly: its report is credited, once, and the anomaly records who
	 * released it, when, why and what it credited; or nothing changes.
	 */
	ReviewRequests.AnomalyReleased release(long id, ReviewRequests.ReviewReason request, String by) {
		String reason = Fields.text("reason", request.reason(), 500);
		Anomaly anomaly = open(id);
		Waiver waiver = RELEASABLE.get(anomaly.code());
		if (waiver == null) {
			throw notReleasable(anomaly, " is never released" + ((anomaly.code() == ErrorCode.ODOMETER_ROLLBACK)
					? " (a replaced odometer is reset instead)" : ""));
		}
		Outcome outcome = this.ingestion.release(anomaly.vin(), this.json.readTree(anomaly.report()), waiver,
				(judged) -> resolve(anomaly, judged, reason, by));
		return new ReviewRequests.AnomalyReleased(id, AnomalyStatus.RELEASED, anomaly.reportId(), outcome.status(),
				Distances.km(creditedBy(outcome)), Distances.km(outcome.vehicleDistanceM()));
	}

	/**
	 * In the release's transaction, its vehicle locked and its report judged: marks the
	 * anomaly released if it still is OPEN, or throws, which rolls the credit back.
	 */
	private void resolve(Anomaly anomaly, Outcome judged, String reason, String by) {
		if (judged.status() == Outcome.Status.REJECTED) {
			throw (judged.code() == anomaly.code()) ? notReleasable(anomaly, " still holds: " + judged.detail())
					: FleetException.rejected(judged.code(),
							judged.detail() + "; anomaly " + anomaly.id() + " stays OPEN");
		}
		int changed = this.jdbc.sql(RELEASE)
			.params(Timestamp.from(this.clock.instant()), reason, by, creditedBy(judged), anomaly.id())
			.update();
		if (changed == 0) {
			throw alreadyResolved(anomaly.id());
		}
	}

	/**
	 * What a release credited: a report found already stored (a DUPLICATE) credits
	 * nothing more, whatever it credited when it was stored.
	 */
	private static long creditedBy(Outcome outcome) {
		return (outcome.status() == Outcome.Status.ACCEPTED) ? outcome.creditedM() : 0;
	}

	/**
	 * Discards an OPEN anomaly: it is never credited, and records who discarded it, when
	 * and why.
	 */
	@Transactional
	ReviewRequests.AnomalyDiscarded discard(long id, ReviewRequests.ReviewReason request, String by) {
		String reason = Fields.text("reason", request.reason(), 500);
		int changed = this.jdbc.sql(DISCARD).params(Timestamp.from(this.clock.instant()), reason, by, id).update();
		if (changed == 0) {
			open(id);
			throw alreadyResolved(id);
		}
		return new ReviewRequests.AnomalyDiscarded(id, AnomalyStatus.DISCARDED);
	}

	/**
	 * The anomaly, if it is OPEN; else why it cannot be reviewed.
	 */
	private Anomaly open(long id) {
		Anomaly anomaly = this.anomalies.findById(id)
			.orElseThrow(() -> new FleetException(ErrorCode.ANOMALY_NOT_FOUND, "No anomaly has id " + id));
		if (anomaly.status() != AnomalyStatus.OPEN) {
			throw alreadyResolved(id);
		}
		return anomaly;
	}

	private static FleetException alreadyResolved(long id) {
		return new FleetException(ErrorCode.ALREADY_RESOLVED, "Anomaly " + id + " was released or discarded already");
	}

	private static FleetException notReleasable(Anomaly anomaly, String why) {
		return new FleetException(ErrorCode.NOT_RELEASABLE,
				"Anomaly " + anomaly.id() + " cannot be released: " + anomaly.code() + why);
	}

	private AnomalyView view(Anomaly anomaly) {
		return new AnomalyView(anomaly.id(), anomaly.vin(), anomaly.reportId(), anomaly.code().name(), anomaly.detail(),
				this.json.readTree(anomaly.report()), anomaly.receivedAt(), anomaly.status(), anomaly.resolvedAt(),
				anomaly.reason(), Distances.kmOrNull(anomaly.creditedM()));
	}

}
