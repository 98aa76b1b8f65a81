package org.fleettelemetry.reconciliation;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the periodic reconciliation.
 *
 * @param interval the pause between two reconciliations of this instance, each of which
 * publishes {@code fleet_reconciliation_drift_meters}; a run scans the vehicles once
 */
@ConfigurationProperties("fleet.reconciliation")
@Validated
record ReconciliationSettings(@NotNull @DurationMin(seconds = 1) @DefaultValue("5m") Duration interval) {
}
