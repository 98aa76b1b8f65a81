package org.fleettelemetry.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.fleettelemetry.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The fleet's figures and milestones as Server-Sent Events, for dashboards and the live
 * page.
 */
@RestController
class StreamController {

	/** What a stream looks like on the wire. */
	private static final String EXAMPLE = """
			event:summary
			data:{"distanceKm":3000000000.000,"distanceMiles":1864113576.712,"co2AvoidedKg":510000000.000,...}

			event:milestone
			data:{"scope":"VEHICLE","distanceKm":100000,"reachedAt":"2017-06-27T09:12:44.318Z","vin":"SJNFAAZE0U6******","fleetDistanceKm":3000000012.300}

			:still here

			""";

	private final FleetStream stream;

	StreamController(FleetStream stream) {
		this.stream = stream;
	}

	@Operation(operationId = "streamFleet", summary = "Follow the fleet's figures and milestones as Server-Sent Events")
	@ApiResponse(responseCode = "200",
			description = "An event `summary` at once and whenever the figures change (at most once per "
					+ "fleet.stream.interval), an event `milestone` when one is reached, a comment at least every "
					+ "15 s",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"),
					examples = @ExampleObject(name = "stream", summary = "A summary, a milestone, a heartbeat",
							value = EXAMPLE)))
	@GetMapping(path = "/api/v1/fleet/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@AuthenticationPrincipal @Nullable Caller caller) {
		return this.stream.subscribe(Caller.seesWholeVins(caller));
	}

}
