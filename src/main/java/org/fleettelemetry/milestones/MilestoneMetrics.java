package org.fleettelemetry.milestones;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts milestones once their crossing has committed:
 * {@code fleet_milestones_reached_total{scope}}.
 */
@Component
class MilestoneMetrics {

	private final MeterRegistry meters;

	MilestoneMetrics(MeterRegistry meters) {
		this.meters = meters;
		for (MilestoneScope scope : MilestoneScope.values()) {
			counter(scope);
		}
	}

	@TransactionalEventListener
	void reached(MilestoneReached milestone) {
		counter(milestone.scope()).increment();
	}

	private Counter counter(MilestoneScope scope) {
		return Counter.builder("fleet.milestones.reached")
			.description("Milestones reached, each counted once when its crossing committed")
			.tag("scope", scope.name().toLowerCase(Locale.ROOT))
			.register(this.meters);
	}

}
