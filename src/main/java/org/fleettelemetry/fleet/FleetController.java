package org.fleettelemetry.fleet;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fleettelemetry.shared.FleetException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public fleet figures.
 */
@RestController
@RequestMapping("/api/v1/fleet")
class FleetController {

	/** About ten years: a dashboard's longest chart. */
	static final long MAX_DAYS = 3700;

	private final FleetFigures figures;

	private final Clock clock;

	FleetController(FleetFigures figures, Clock clock) {
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping("/summary")
	FleetSummary summary() {
		return this.figures.summary();
	}

	/**
	 * Days from {@code from} to {@code to} inclusive; by default the last 30 days.
	 */
	@GetMapping("/daily")
	List<DailyFigures> daily(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate last = (to != null) ? to : LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate first = (from != null) ? from : last.minusDays(29);
		if (first.isAfter(last)) {
			throw FleetException.invalidField("from", "must not be after to");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw FleetException.invalidField("to", "the range may span at most " + MAX_DAYS + " days");
		}
		return this.figures.daily(first, last);
	}

	@GetMapping("/countries")
	List<CountryFigures> countries() {
		return this.figures.countries();
	}

}
