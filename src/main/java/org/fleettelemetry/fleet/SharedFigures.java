package org.fleettelemetry.fleet;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.fleettelemetry.web.ETags;
import org.fleettelemetry.web.PublicRead;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The summary and the country figures as answered, each from a {@link SharedRead}: the
 * JSON written once for every request a read answers, and its ETag. The summary's ETag is
 * of its figures, not of {@code asOf}: it changes when a figure changes, or when the
 * forecast of the next milestone moves by a minute.
 */
@Component
public class SharedFigures {

	private final SharedRead<Summary> summary;

	private final SharedRead<PublicRead.Body> countries;

	SharedFigures(FleetFigures figures, JsonMapper json, FleetSettings settings) {
		Duration timeout = settings.figures().timeout();
		this.summary = new SharedRead<>(() -> {
			FleetSummary read = figures.summary();
			return new Summary(read, new PublicRead.Body(json.writeValueAsBytes(read), etag(read, json)));
		}, timeout);
		this.countries = new SharedRead<>(() -> {
			byte[] body = json.writeValueAsBytes(figures.countries());
			return new PublicRead.Body(body, ETags.of(body));
		}, timeout);
	}

	private static String etag(FleetSummary summary, JsonMapper json) {
		FleetSummary.NextMilestone next = summary.nextMilestone();
		if (next != null && next.projectedAt() != null) {
			next = new FleetSummary.NextMilestone(next.distanceKm(), next.remainingKm(),
					next.projectedAt().truncatedTo(ChronoUnit.MINUTES));
		}
		FleetSummary figures = new FleetSummary(summary.distanceKm(), summary.distanceMiles(), summary.co2AvoidedKg(),
				summary.treesEquivalent(), summary.vehicles(), summary.retiredVehicles(),
				summary.reportingVehicles30d(), summary.reports(), summary.lastMilestone(), next,
				java.time.Instant.EPOCH);
		return ETags.of(json.writeValueAsBytes(figures));
	}

	/**
	 * The summary, from a read that started after this call.
	 * @throws org.fleettelemetry.shared.FleetException {@code SERVICE_UNAVAILABLE} when
	 * no such read ended within {@code fleet.figures.timeout}
	 */
	public Summary summary() {
		return this.summary.get();
	}

	/** The country figures as JSON, from a read that started after this call. */
	PublicRead.Body countries() {
		return this.countries.get();
	}

	/**
	 * A summary read.
	 *
	 * @param figures what was read
	 * @param body its JSON and ETag
	 */
	public record Summary(FleetSummary figures, PublicRead.Body body) {
	}

}
