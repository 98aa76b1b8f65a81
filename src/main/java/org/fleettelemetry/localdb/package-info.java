/**
 * The embedded PostgreSQL that ./mvnw spring-boot:run starts under ./data/ when no
 * database is configured.
 */
@NullMarked
package org.fleettelemetry.localdb;

import org.jspecify.annotations.NullMarked;
