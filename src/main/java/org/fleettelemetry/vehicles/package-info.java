/**
 * Vehicles: registration, their bearer tokens (issued once, kept as hashes, rotated),
 * odometer resets, and each vehicle's own figures.
 * <p>
 * Where JPA stops and SQL starts: {@link org.fleettelemetry.vehicles.Vehicle} maps the
 * {@code vehicles} table for reading (one vehicle, and the filtered, sorted keyset pages
 * of the list, built as Spring Data {@code Specification}s), and is {@code @Immutable}.
 * The running figures on the same row (distance, trips, energy, last report) are
 * crediting's: ingestion keeps them under the row's lock with set-wise SQL, so Hibernate
 * must never flush that row, or a stale copy would overwrite a concurrent credit. Changes
 * of state (registration, token rotation, odometer reset) are targeted statements through
 * {@code JdbcClient}, each conditional on the row it changes.
 */
@NullMarked
package org.fleettelemetry.vehicles;

import org.jspecify.annotations.NullMarked;
