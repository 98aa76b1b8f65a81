package org.fleettelemetry.fleet;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.fleettelemetry.shared.DayRange;
import org.fleettelemetry.web.CsvMessageConverter;
import org.fleettelemetry.web.ETags;
import org.fleettelemetry.web.PublicRead;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

	private final FleetFigures figures;

	private final Clock clock;

	private final SharedFigures shared;

	private final JsonMapper json;

	/** What the daily series looks like as CSV (RFC 4180, UTF-8). */
	private static final String DAILY_CSV = """
			date,distanceKm,co2AvoidedKg,reportingVehicles
			2014-09-29,120.500,20.485,1
			2014-09-30,1234.567,209.876,1
			""";

	/** What the country figures look like as CSV. */
	private static final String COUNTRIES_CSV = """
			country,vehicles,distanceKm,co2AvoidedKg
			ES,1,120.500,20.485
			NO,1,1234.567,209.876
			""";

	FleetController(FleetFigures figures, SharedFigures shared, JsonMapper json, Clock clock) {
		this.figures = figures;
		this.shared = shared;
		this.json = json;
		this.clock = clock;
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
	ResponseEntity<byte[]> summary() {
		return answer(this.shared.summary().body());
	}

	/** A 200 with the body and its ETag; Spring MVC answers 304 when it matches. */
	static ResponseEntity<byte[]> answer(PublicRead.Body body) {
		return ResponseEntity.ok().eTag(body.etag()).body(body.json());
	}

	/**
	 * Days from {@code from} to {@code to} inclusive; by default the last 30 days.
	 */
	@Operation(operationId = "getFleetDaily", summary = "Get the fleet's distance and CO2 avoided day by day")
	@ApiResponse(responseCode = "200", description = "OK; CSV with Accept: text/csv",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(implementation = DailyFigures.class))),
					@Content(mediaType = CsvMessageConverter.TEXT_CSV_VALUE, schema = @Schema(type = "string"),
							examples = @ExampleObject(name = "csv", summary = "Two days, the header first",
									value = DAILY_CSV)) })
	@GetMapping(path = "/daily", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> daily(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		byte[] body = this.json.writeValueAsBytes(days(from, to));
		return answer(new PublicRead.Body(body, ETags.of(body)));
	}

	private List<DailyFigures> days(@Nullable LocalDate from, @Nullable LocalDate to) {
		DayRange days = DayRange.of(from, to, this.clock);
		return this.figures.daily(days.first(), days.last());
	}

	/**
	 * The figures per country, from a read shared with concurrent requests that started
	 * after this one came.
	 */
	@Operation(operationId = "getFleetCountries",
			summary = "Get the fleet's vehicles, distance and CO2 avoided per country")
	@GetMapping(path = COUNTRIES, produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "200", description = "OK; CSV with Accept: text/csv",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(implementation = CountryFigures.class))),
					@Content(mediaType = CsvMessageConverter.TEXT_CSV_VALUE, schema = @Schema(type = "string"),
							examples = @ExampleObject(name = "csv", summary = "Two countries, the header first",
									value = COUNTRIES_CSV)) })
	ResponseEntity<byte[]> countries() {
		return answer(this.shared.countries());
	}

	/**
	 * The daily series as CSV, for a spreadsheet.
	 */
	@Operation(hidden = true)
	@GetMapping(path = "/daily", produces = CsvMessageConverter.TEXT_CSV_VALUE)
	List<DailyFigures> dailyAsCsv(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return days(from, to);
	}

	/**
	 * The figures per country as CSV, for a spreadsheet: read on their own, not shared.
	 */
	@Operation(hidden = true)
	@GetMapping(path = COUNTRIES, produces = CsvMessageConverter.TEXT_CSV_VALUE)
	List<CountryFigures> countriesAsCsv() {
		return this.figures.countries();
	}

}
