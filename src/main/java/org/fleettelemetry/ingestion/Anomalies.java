package org.fleettelemetry.ingestion;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.vehicles.Vin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarantine: reports that could not be credited, newest first, for the admin.
 */
@RestController
class Anomalies {

	static final int MAX_LIMIT = 1000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Anomalies(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Operation(operationId = "listAnomalies", summary = "List the quarantined reports, newest first")
	@GetMapping("/api/v1/anomalies")
	List<Anomaly> list(@RequestParam(required = false) String vin, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw FleetException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return this.jdbc.sql("""
				select * from anomalies where (cast(? as varchar) is null or vin = ?)
				order by id desc limit ?""")
			.params((vin != null) ? Vin.check(vin) : null, vin, limit)
			.query((rs, i) -> new Anomaly(rs.getLong("id"), rs.getString("vin"), rs.getString("report_id"),
					rs.getString("code"), rs.getString("detail"), this.json.readTree(rs.getString("report")),
					rs.getTimestamp("received_at").toInstant()))
			.list();
	}

	/**
	 * A quarantined report.
	 *
	 * @param id its place in the quarantine
	 * @param vin the VIN it was sent for
	 * @param reportId its report id
	 * @param code why it was not credited
	 * @param detail the same in words
	 * @param report the report as it was sent
	 * @param receivedAt when it arrived
	 */
	record Anomaly(long id, String vin, String reportId, String code, String detail,
			@Schema(ref = "Report") JsonNode report, Instant receivedAt) {
	}

}
