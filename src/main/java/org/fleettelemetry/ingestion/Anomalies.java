package org.fleettelemetry.ingestion;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/**
 * The quarantine, read through JPA: one anomaly, and the filtered keyset pages of the
 * review list.
 */
interface Anomalies extends Repository<Anomaly, Long>, JpaSpecificationExecutor<Anomaly> {

	Optional<Anomaly> findById(long id);

}
