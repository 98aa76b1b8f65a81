package org.fleettelemetry.milestones;

import java.util.List;
import java.util.TreeSet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The milestone ladders, in whole kilometres; each is kept sorted and without repeats.
 *
 * @param fleetKm thresholds of the whole fleet's credited distance: by default the ladder
 * Nissan celebrated, from 1 million to 10 billion km
 * @param vehicleKm thresholds of one vehicle's credited distance, fired for every vehicle
 * that crosses them
 */
@ConfigurationProperties("fleet.milestones")
@Validated
record MilestoneSettings(@NotNull @DefaultValue( {
		"1000000", "10000000", "100000000", "500000000", "850000000", "1000000000", "2000000000", "3000000000",
		"5000000000", "10000000000" }) List<@NotNull @Positive @Max(MAX_KM) Long> fleetKm,
		@NotNull @DefaultValue({ "10000", "50000", "100000", "200000", "300000",
				"500000" }) List<@NotNull @Positive @Max(MAX_KM) Long> vehicleKm){

	/**
	 * 10^12 km: far above any fleet, and its metres still fit a long with room to spare.
	 */
	static final long MAX_KM = 1_000_000_000_000L;

	MilestoneSettings {
		fleetKm = sorted(fleetKm);
		vehicleKm = sorted(vehicleKm);
	}

	private static List<Long> sorted(List<Long> thresholds) {
		return (thresholds != null && !thresholds.contains(null)) ? List.copyOf(new TreeSet<>(thresholds)) : thresholds;
	}

}
