package org.fleettelemetry.milestones;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.fleettelemetry.shared.Distances;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the milestone ledger.
 */
@Repository
public class Milestones {

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
