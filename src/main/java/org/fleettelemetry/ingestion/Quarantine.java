package org.fleettelemetry.ingestion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the quarantine holds, for the metrics.
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class Quarantine {

	private final JdbcClient jdbc;

	Quarantine(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The anomalies waiting for review: a count the database keeps as anomalies are
	 * written and resolved (V11__anomaly_review.sql), so reading it sums 16 rows however
	 * large the quarantine grows.
	 */
	public long openAnomalies() {
		return this.jdbc.sql("select coalesce(sum(anomalies), 0) from anomalies_open").query(Long.class).single();
	}

}
