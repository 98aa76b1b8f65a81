package org.fleettelemetry.fleet;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the fleet figures.
 *
 * @param co2 how distance converts to avoided CO2 and to trees
 * @param figures how requests for the fleet figures are answered
 */
@ConfigurationProperties("fleet")
@Validated
record FleetSettings(@Valid @DefaultValue Co2 co2, @Valid @DefaultValue Figures figures) {

	/**
	 * The CO2 factors. The defaults reproduce Nissan's published LEAF figures: 3 billion
	 * km ≈ 510 million kg of CO2 ≈ 37.5 million trees.
	 *
	 * @param gramsPerKm grams of CO2 a combustion car of the same class emits per km,
	 * avoided by every electric km
	 * @param kgPerTree kilograms of CO2 one tree absorbs, for the tree equivalent
	 */
	record Co2(@NotNull @DecimalMin("0") @DefaultValue("170") BigDecimal gramsPerKm,
			@NotNull @DecimalMin(value = "0", inclusive = false) @DefaultValue("13.6") BigDecimal kgPerTree) {
	}

	/**
	 * Concurrent requests for the summary or the country figures share reads, each
	 * answered by a read that started after it came.
	 *
	 * @param timeout how long a request waits for such a read before it gets 503
	 */
	record Figures(@NotNull @DefaultValue("10s") Duration timeout) {
	}

}
