package org.fleettelemetry.ingestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * Takes reports as they arrive: checks each, finds its vehicle, and has the ledger credit
 * them. A single report travels as a batch of one. Items of a batch are judged one by
 * one: a bad item never spoils the others.
 */
@Service
public class Ingestion {

	/** The most reports one batch may hold. */
	public static final int MAX_BATCH = 1000;

	private final ReportParser parser;

	private final GroupCommit commits;

	private final ReportLedger ledger;

	private final MeterRegistry meters;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	Ingestion(ReportParser parser, GroupCommit commits, ReportLedger ledger, MeterRegistry meters) {
		this.parser = parser;
		this.commits = commits;
		this.ledger = ledger;
		this.meters = meters;
	}

	/**
	 * One report of the vehicle {@code vin}; a malformed one fails with its field named.
	 */
	Outcome one(String vin, JsonNode body) {
		Report report = this.parser.report(payloadFor(vin, body));
		return count(this.commits.credit(List.of(new Submission(vin, report, body)))).get(0);
	}

	/**
	 * A batch of reports, all of the vehicle {@code vin}, or of many vehicles (each item
	 * naming its own) when {@code vin} is {@code null}. Outcomes come in the order sent.
	 */
	List<Outcome> batch(String vin, JsonNode body) {
		if (!body.isArray()) {
			throw new FleetException(ErrorCode.MALFORMED_REQUEST, "A batch is a JSON array of reports");
		}
		if (body.size() > MAX_BATCH) {
			throw new FleetException(ErrorCode.BATCH_TOO_LARGE,
					"A batch holds at most " + MAX_BATCH + " reports; this one has " + body.size());
		}
		Outcome[] outcomes = new Outcome[body.size()];
		List<Integer> positions = new ArrayList<>();
		List<Submission> parsed = new ArrayList<>();
		for (int i = 0; i < body.size(); i++) {
			JsonNode item = body.get(i);
			try {
				ReportPayload payload = (vin != null) ? payloadFor(vin, item) : this.parser.payload(item);
				String itemVin = (vin != null) ? vin : ReportParser.checkVin(payload.vin());
				parsed.add(new Submission(itemVin, this.parser.report(payload), item));
				positions.add(i);
			}
			catch (FleetException ex) {
				outcomes[i] = Outcome.rejected(ReportParser.reportIdOf(item), ex.code(), ex.getMessage());
			}
		}
		List<Outcome> credited = this.commits.credit(parsed);
		for (int i = 0; i < credited.size(); i++) {
			outcomes[positions.get(i)] = credited.get(i);
		}
		return count(List.of(outcomes));
	}

	/**
	 * A quarantined report released by an operator, read again as it was sent and
	 * credited with {@code waiver}; {@code resolution} changes the anomaly's state in the
	 * same transaction ({@link ReportLedger#release}). It goes to the ledger directly,
	 * not through the group commit: its transaction must hold its state change and
	 * nothing of other requests, since a release that finds the anomaly resolved, or its
	 * report now refused, rolls back, which in a shared group would make every other
	 * request of the group be committed again one by one. Releases are rare operator
	 * actions, with nothing to share. Counted as any report.
	 */
	Outcome release(String vin, JsonNode report, Waiver waiver, Consumer<Outcome> resolution) {
		Submission submission = new Submission(vin, this.parser.report(this.parser.payload(report)), report);
		return count(List.of(this.ledger.release(submission, waiver, resolution))).get(0);
	}

	private ReportPayload payloadFor(String vin, JsonNode item) {
		ReportPayload payload = this.parser.payload(item);
		if (payload.vin() != null && !payload.vin().equals(vin)) {
			throw FleetException.invalidField("vin", "must be the VIN of the path, " + vin);
		}
		return payload;
	}

	private List<Outcome> count(List<Outcome> outcomes) {
		for (Outcome outcome : outcomes) {
			String reason = (outcome.code() != null) ? outcome.code().name() : outcome.status().name();
			this.counters
				.computeIfAbsent(reason,
						(r) -> Counter.builder("telemetry.reports")
							.description("Reports received, by outcome and by reason (a rejection's code)")
							.tag("outcome", outcome.status().name().toLowerCase())
							.tag("reason", r.toLowerCase())
							.register(this.meters))
				.increment();
		}
		return outcomes;
	}

}
