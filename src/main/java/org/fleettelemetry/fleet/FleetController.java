package org.fleettelemetry.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.fleettelemetry.shared.FleetException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public fleet figures.
 */
@RestController
@RequestMapping(FleetController.PATH)
class FleetController {

	/**
	 * The paths, shared with {@link FleetPublicReads}, which answers two of them ahead of
	 * Spring MVC.
	 */
	static final String PATH = "/api/v1/fleet";

	static final String SUMMARY = "/summary";

	static final String COUNTRIES = "/countries";

	/** About ten years: a dashboard's longest chart. */
	static final long MAX_DAYS = 3700;

	private final FleetFigures figures;

	private final Clock clock;

	private final SharedRead<byte[]> summary;

	private final SharedRead<byte[]> countries;

	FleetController(FleetFigures figures, JsonMapper json, FleetSettings settings, Clock clock) {
		this.figures = figures;
		this.clock = clock;
		Duration timeout = settings.figures().timeout();
		// a shared read writes its JSON once, for every request it answers
		this.summary = new SharedRead<>(() -> json.writeValueAsBytes(figures.summary()), timeout);
		this.countries = new SharedRead<>(() -> json.writeValueAsBytes(figures.countries()), timeout);
	}

	/**
	 * The summary, from a read shared with concurrent requests that started after this
	 * one came.
	 */
	@Operation(operationId = "getFleetSummary",
			summary = "Get the fleet's distance, CO2 avoided, vehicles and milestones")
	@GetMapping(path = SUMMARY, produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "200", description = "OK",
			content = @Content(schema = @Schema(implementation = FleetSummary.class)))
	byte[] summary() {
		return this.summary.get();
	}

	/**
	 * Days from {@code from} to {@code to} inclusive; by default the last 30 days.
	 */
	@Operation(operationId = "getFleetDaily", summary = "Get the fleet's distance and CO2 avoided day by day")
	@GetMapping("/daily")
	List<DailyFigures> daily(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
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

	/**
	 * The figures per country, from a read shared with concurrent requests that started
	 * after this one came.
	 */
	@Operation(operationId = "getFleetCountries",
			summary = "Get the fleet's vehicles, distance and CO2 avoided per country")
	@GetMapping(path = COUNTRIES, produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "200", description = "OK",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = CountryFigures.class))))
	byte[] countries() {
		return this.countries.get();
	}

}
