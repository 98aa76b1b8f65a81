package org.fleettelemetry.milestones;

import java.util.List;

import org.fleettelemetry.fleet.DistanceCredited;
import org.fleettelemetry.fleet.FleetDelta;
import org.fleettelemetry.fleet.FleetFigures;
import org.fleettelemetry.fleet.FleetLedger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires the milestones a crediting transaction crossed, inside that transaction.
 * <p>
 * Under READ COMMITTED a transaction does not see the credits of concurrent ones that
 * have not committed, so two of them could each stay below a threshold that together they
 * cross. Every crediting transaction therefore ends by taking one transaction-scoped
 * advisory lock, held until it commits: whoever holds it sees every earlier crediting
 * transaction committed and no later one, so the fleet total it reads, minus its own
 * credit, is exactly the total before it. Vehicle thresholds need no such lock: the
 * vehicle's row is locked by the transaction already. The ledger's unique key is the last
 * word: a threshold that has fired never fires again.
 */
@Component
class MilestoneDetector {

	/** The advisory lock key of fleet milestones ("fleetms" in ASCII). */
	static final long LOCK = 0x666c6565746d73L;

	private final JdbcClient jdbc;

	private final MilestoneSettings settings;

	private final ApplicationEventPublisher events;

	private final FleetFigures figures;

	private final FleetLedger ledger;

	MilestoneDetector(JdbcClient jdbc, MilestoneSettings settings, ApplicationEventPublisher events,
			FleetFigures figures, FleetLedger ledger) {
		this.jdbc = jdbc;
		this.figures = figures;
		this.ledger = ledger;
		this.settings = settings;
		this.events = events;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DistanceCredited credited) {
		List<Long> fleetLadder = this.settings.fleetKm();
		// without a fleet ladder, the fleet distance is read only for a
		// vehicle milestone that fires
		Long fleetAfterM = fleetLadder.isEmpty() ? null : lockedFleetDistanceM();
		if (fleetAfterM != null) {
			long fleetBeforeM = fleetAfterM - credited.distanceM();
			for (long km : Thresholds.crossed(fleetLadder, fleetBeforeM, fleetAfterM)) {
				fire(MilestoneScope.FLEET, km, Thresholds.crossingVin(km, fleetBeforeM, credited.credits()),
						fleetAfterM);
			}
		}
		for (FleetDelta.Credit credit : credited.credits()) {
			List<Long> crossed = Thresholds.crossed(this.settings.vehicleKm(),
					credit.vehicleDistanceM() - credit.creditedM(), credit.vehicleDistanceM());
			for (long km : crossed) {
				if (fleetAfterM == null) {
					fleetAfterM = this.figures.totals().distanceM();
				}
				fire(MilestoneScope.VEHICLE, km, credit.vin(), fleetAfterM);
			}
		}
	}

	/**
	 * The fleet distance, read once the lock is held (see V5__locked_fleet_distance.sql).
	 */
	private long lockedFleetDistanceM() {
		return this.jdbc.sql("select locked_fleet_distance(?)").param(LOCK).query(Long.class).single();
	}

	/**
	 * Records a milestone unless it has fired already, and announces it when it is new:
	 * to the fleet's figures (a fleet milestone) and as an event.
	 */
	private void fire(MilestoneScope scope, long km, String vin, long fleetDistanceM) {
		this.jdbc.sql("""
				insert into milestones (scope, subject, threshold_km, vin, reached_at, fleet_distance_m)
				values (?, ?, ?, ?, clock_timestamp(), ?)
				on conflict (scope, subject, threshold_km) do nothing
				returning id, reached_at""")
			.params(scope.name(), scope.subject(vin), km, vin, fleetDistanceM)
			.query((rs, i) -> new MilestoneReached(rs.getLong("id"), scope, vin, km,
					rs.getTimestamp("reached_at").toInstant(), fleetDistanceM))
			.optional()
			.ifPresent(this::announce);
	}

	private void announce(MilestoneReached reached) {
		if (reached.scope() == MilestoneScope.FLEET) {
			this.ledger.milestoneReached(reached.distanceKm(), reached.reachedAt());
		}
		this.events.publishEvent(reached);
	}

}
