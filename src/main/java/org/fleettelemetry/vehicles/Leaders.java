package org.fleettelemetry.vehicles;

import java.util.ArrayList;
import java.util.List;

import org.fleettelemetry.shared.Distances;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vehicles that have covered the most distance, retired ones included (their distance
 * is history).
 * <p>
 * Read from the vehicles themselves, on an index of their distance in bands of 10,000 km
 * ({@code distance_band}, V12__distance_band.sql): ordered by band, then by distance, is
 * ordered by distance, so PostgreSQL walks the index from the top band down and sorts
 * only the few bands it needs. A read costs the same whatever the number of stored
 * reports; crediting changes a vehicle's band once every 10,000 km, so its updates of the
 * row stay heap-only (HOT) the rest of the time, which an index on the distance itself
 * would end.
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class Leaders {

	/** The most a read may ask for. */
	public static final int MAX_LIMIT = 100;

	private static final String FLEET = """
			select vin, model, country, distance_m from vehicles where distance_m > 0
			order by distance_band desc, distance_m desc, vin limit ?""";

	private static final String COUNTRY = """
			select vin, model, country, distance_m from vehicles where country = ? and distance_m > 0
			order by distance_band desc, distance_m desc, vin limit ?""";

	private final JdbcClient jdbc;

	Leaders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The {@code limit} vehicles with the most distance, in {@code country} or the whole
	 * fleet, most first, with their whole VINs; vehicles without distance are left out.
	 */
	public List<Leader> top(@Nullable String country, int limit) {
		var statement = (country != null) ? this.jdbc.sql(COUNTRY).params(country, limit)
				: this.jdbc.sql(FLEET).params(limit);
		List<Row> rows = statement
			.query((rs, i) -> new Row(rs.getString("vin"), rs.getString("model"), rs.getString("country"),
					rs.getLong("distance_m")))
			.list();
		List<Leader> leaders = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			// equal distances share a place
			int rank = (i > 0 && rows.get(i - 1).distanceM() == row.distanceM()) ? leaders.get(i - 1).rank() : i + 1;
			leaders.add(new Leader(rank, row.vin(), row.model(), row.country(), Distances.km(row.distanceM())));
		}
		return leaders;
	}

	private record Row(String vin, String model, String country, long distanceM) {
	}

}
