package org.fleettelemetry.fleet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.fleettelemetry.shared.DayRange;
import org.fleettelemetry.support.WebSliceConfiguration;
import org.fleettelemetry.support.WebSliceTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleettelemetry.support.ProblemAssertions.assertProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The public fleet figures on the web slice (through Spring MVC: the public reads' filter
 * has no reads in the slice), with the figures stubbed.
 */
class FleetControllerTests extends WebSliceTests {

	/** The slice's clock's day. */
	static final LocalDate TODAY = LocalDate.ofInstant(WebSliceConfiguration.NOW, ZoneOffset.UTC);

	@Autowired
	FleetFigures figures;

	@Test
	void answersTheSummaryAsJson() {
		given(this.figures.summary()).willReturn(new FleetSummary(new BigDecimal("1.500"), new BigDecimal("0.932"),
				new BigDecimal("0.255"), 0, 1, 0, 1, 2, null, null, WebSliceConfiguration.NOW));
		MvcTestResult result = this.anonymous.get("/api/v1/fleet/summary");
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"distanceKm": 1.500, "distanceMiles": 0.932, "co2AvoidedKg": 0.255, "treesEquivalent": 0,
				 "vehicles": 1, "retiredVehicles": 0, "reportingVehicles30d": 1, "reports": 2, "lastMilestone": null,
				 "nextMilestone": null, "asOf": "2024-05-01T12:00:00Z"}""");
	}

	@Test
	void answersTheCountriesAsJson() {
		given(this.figures.countries())
			.willReturn(List.of(new CountryFigures("ES", 1, new BigDecimal("1.500"), new BigDecimal("0.255"))));
		MvcTestResult result = this.anonymous.get("/api/v1/fleet/countries");
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson()
			.isStrictlyEqualTo(
					"[{\"country\": \"ES\", \"vehicles\": 1, \"distanceKm\": 1.500, \"co2AvoidedKg\": 0.255}]");
	}

	@Test
	void theSummaryIsOnlyJson() {
		assertProblem(this.anonymous.get("/api/v1/fleet/summary", "text/html"), 406, "NOT_ACCEPTABLE");
		verifyNoInteractions(this.figures);
	}

	@Test
	void theDailyFiguresAreTheLast30DaysByDefault() {
		given(this.figures.daily(TODAY.minusDays(29), TODAY))
			.willReturn(List.of(new DailyFigures(TODAY, new BigDecimal("1.500"), new BigDecimal("0.255"), 1)));
		MvcTestResult result = this.anonymous.get("/api/v1/fleet/daily");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson()
			.isStrictlyEqualTo("[{\"date\": \"2024-05-01\", \"distanceKm\": 1.500, \"co2AvoidedKg\": 0.255, "
					+ "\"reportingVehicles\": 1}]");
	}

	@Test
	void theDailyFiguresSpanAtMostAboutTenYears() {
		LocalDate first = TODAY.minusDays(DayRange.MAX_DAYS - 1);
		assertThat(this.anonymous.get("/api/v1/fleet/daily?from=" + first + "&to=" + TODAY)).hasStatusOk();
		then(this.figures).should().daily(first, TODAY);
		assertProblem(this.anonymous.get("/api/v1/fleet/daily?from=" + first.minusDays(1) + "&to=" + TODAY), 400,
				"INVALID_FIELD")
			.extractingPath("$.field")
			.isEqualTo("to");
	}

	@Test
	void aBadDailyRangeIsNamed() {
		assertProblem(this.anonymous.get("/api/v1/fleet/daily?from=2014-10-01&to=2014-09-01"), 400, "INVALID_FIELD")
			.isLenientlyEqualTo("{\"field\": \"from\", \"detail\": \"from: must not be after to\"}");
		assertProblem(this.anonymous.get("/api/v1/fleet/daily?from=notadate"), 400, "INVALID_FIELD")
			.isLenientlyEqualTo("{\"field\": \"from\", \"detail\": \"from: cannot be read as LocalDate\"}");
		then(this.figures).should(never()).daily(any(), any());
	}

}
