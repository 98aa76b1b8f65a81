package org.fleettelemetry.milestones;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.fleettelemetry.shared.Cursor;
import org.fleettelemetry.shared.Distances;
import org.fleettelemetry.shared.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the milestone ledger.
 */
@Repository
public class Milestones {

	private static final String ORDER = "reachedAt";

	/**
	 * A page of the fleet's vehicle milestones, the newest first, after a position: one
	 * bound in one row comparison, so that the scan of milestones_by_time starts right at
	 * it and stops after a page. Ties of reached_at (the milestones one transaction
	 * fired) are broken by id.
	 */
	static final String VEHICLE_PAGE = """
			select scope, threshold_km, reached_at, vin, fleet_distance_m, id
			from milestones
			where scope = 'VEHICLE'
			  and (reached_at, id) < (coalesce(cast(:at as timestamptz), 'infinity'), cast(:id as bigint))
			order by reached_at desc, id desc
			limit :size""";

	private final JdbcClient jdbc;

	Milestones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The fleet's milestones, or with {@code vin} that vehicle's own, in threshold order.
	 */
	List<MilestoneView> list(MilestoneScope scope, String vin) {
		return this.jdbc.sql("select * from milestones where scope = ? and subject = ? order by threshold_km")
			.params(scope.name(), scope.subject(vin))
			.query(Milestones::view)
			.list();
	}

	/**
	 * The page after {@code cursor} (the first without one) of the milestones of every
	 * vehicle, the latest reached first.
	 */
	Page<MilestoneView> vehiclePage(@Nullable String cursor, int size) {
		Cursor after = (cursor != null) ? Cursor.decode(cursor, ORDER, 2) : null;
		List<Placed> found = this.jdbc.sql(VEHICLE_PAGE)
			.param("at", (after != null) ? Timestamp.from(after.instant(0)) : null)
			.param("id", (after != null) ? after.number(1) : Long.MAX_VALUE)
			.param("size", size + 1)
			.query((rs, row) -> new Placed(view(rs, row), rs.getLong("id")))
			.list();
		return Page.of(found, size, Placed::view,
				(last) -> new Cursor(ORDER, List.of(last.view().reachedAt().toString(), String.valueOf(last.id()))));
	}

	/** A milestone and its row's id, which places it among those reached at once. */
	private record Placed(MilestoneView view, long id) {
	}

	/**
	 * The fleet's milestone of {@code thresholdKm}, or {@code null} when it has not been
	 * reached (or is not committed yet).
	 */
	public @Nullable MilestoneView fleet(long thresholdKm) {
		return this.jdbc.sql("select * from milestones where scope = 'FLEET' and subject = '' and threshold_km = ?")
			.param(thresholdKm)
			.query(Milestones::view)
			.optional()
			.orElse(null);
	}

	private static MilestoneView view(ResultSet rs, int row) throws SQLException {
		return new MilestoneView(MilestoneScope.valueOf(rs.getString("scope")), rs.getLong("threshold_km"),
				rs.getTimestamp("reached_at").toInstant(), rs.getString("vin"),
				Distances.km(rs.getLong("fleet_distance_m")));
	}

}
