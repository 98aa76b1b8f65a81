package org.fleettelemetry.vehicles;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/**
 * The registered vehicles, read through JPA: by VIN, and as filtered, sorted keyset
 * pages.
 */
interface RegisteredVehicles extends Repository<Vehicle, Long>, JpaSpecificationExecutor<Vehicle> {

	Optional<Vehicle> findByVin(String vin);

}
