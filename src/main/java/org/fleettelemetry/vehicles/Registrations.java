package org.fleettelemetry.vehicles;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.fleettelemetry.fleet.FleetLedger;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Fields;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers vehicles, one or a batch of up to {@value #MAX_BATCH}, set-wise: one insert
 * of every new vehicle (the VIN's unique key decides which are new, whatever races), one
 * of their odometers, one update of the fleet's counts. A VIN registered before is
 * {@code EXISTS}, so an onboarding script can be run again.
 */
@Service
@Transactional
class Registrations {

	/** The most registrations one batch may hold. */
	static final int MAX_BATCH = 1000;

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final JdbcClient jdbc;

	private final FleetLedger fleet;

	private final Clock clock;

	Registrations(JdbcClient jdbc, FleetLedger fleet, Clock clock) {
		this.jdbc = jdbc;
		this.fleet = fleet;
		this.clock = clock;
	}

	/**
	 * Registers one vehicle: its credentials, or 409 when its VIN is registered.
	 */
	VehicleRequests.Credentials register(VehicleRequests.Register request) {
		VehicleRequests.Registered answer = insert(List.of(candidate(request))).get(0);
		if (answer.token() == null) {
			throw new FleetException(ErrorCode.VIN_ALREADY_REGISTERED,
					"A vehicle with VIN " + answer.vin() + " is registered");
		}
		return new VehicleRequests.Credentials(answer.vin(), answer.token());
	}

	/**
	 * Registers a batch, answering each item in order; an item that breaks a rule is
	 * {@code REJECTED} and spoils no other.
	 */
	List<VehicleRequests.Registered> registerAll(List<VehicleRequests.Register> requests) {
		if (requests.size() > MAX_BATCH) {
			throw new FleetException(ErrorCode.BATCH_TOO_LARGE,
					"A batch holds at most " + MAX_BATCH + " registrations; this one has " + requests.size());
		}
		// null where the answer is the insert's, given in the candidates' order
		List<VehicleRequests.@Nullable Registered> answers = new ArrayList<>();
		Map<String, Candidate> candidates = new LinkedHashMap<>();
		for (VehicleRequests.Register request : requests) {
			try {
				Candidate candidate = candidate(request);
				// a VIN repeated in the batch exists once its first occurrence is in
				boolean first = candidates.putIfAbsent(candidate.vin(), candidate) == null;
				answers.add(first ? null : VehicleRequests.Registered.exists(candidate.vin()));
			}
			catch (FleetException ex) {
				answers.add(VehicleRequests.Registered.rejected(request.vin(), ex));
			}
		}
		var inserted = insert(List.copyOf(candidates.values())).iterator();
		return answers.stream().map((answer) -> (answer != null) ? answer : inserted.next()).toList();
	}

	private Candidate candidate(VehicleRequests.Register request) {
		String vin = Vin.check(request.vin());
		String model = Fields.text("model", request.model(), 64);
		String country = Fields.required("country", request.country());
		if (!COUNTRIES.contains(country)) {
			throw FleetException.invalidField("country", "must be an ISO 3166-1 alpha-2 code such as ES");
		}
		Long baseline = Fields.thousandths("odometerKm",
				Fields.kmOrMiles("odometer", request.odometerKm(), request.odometerMi()), Fields.MAX_KM);
		return new Candidate(vin, model, country, baseline, VehicleTokens.generate());
	}

	/**
	 * Inserts the candidates (distinct VINs) that are new, and answers each in order.
	 */
	private List<VehicleRequests.Registered> insert(List<Candidate> candidates) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		Map<String, Long> ids = new HashMap<>();
		this.jdbc
			.sql("""
					insert into vehicles (vin, model, country, token_hash, registered_at)
					select vin, model, country, token_hash, ?
					from unnest(?::varchar[], ?::varchar[], ?::char(2)[], ?::char(64)[]) as c (vin, model, country, token_hash)
					on conflict (vin) do nothing returning id, vin""")
			.params(now, column(candidates, Candidate::vin), column(candidates, Candidate::model),
					column(candidates, Candidate::country), column(candidates, (c) -> VehicleTokens.hash(c.token())))
			.query((rs) -> {
				ids.put(rs.getString("vin"), rs.getLong("id"));
			});
		List<Candidate> created = candidates.stream().filter((c) -> ids.containsKey(c.vin())).toList();
		this.jdbc.sql("""
				insert into odometers (vehicle_id, seq, baseline_m, created_at)
				select id, 0, baseline_m, ? from unnest(?::bigint[], ?::bigint[]) as o (id, baseline_m)""")
			.params(now, created.stream().map((c) -> ids.get(c.vin())).toArray(Long[]::new),
					created.stream().map(Candidate::baselineM).toArray(Long[]::new))
			.update();
		Map<String, Long> byCountry = new HashMap<>();
		created.forEach((c) -> byCountry.merge(c.country(), 1L, Long::sum));
		this.fleet.vehiclesRegistered(byCountry);
		return candidates.stream()
			.map((c) -> ids.containsKey(c.vin()) ? VehicleRequests.Registered.created(c.vin(), c.token())
					: VehicleRequests.Registered.exists(c.vin()))
			.toList();
	}

	private static String[] column(List<Candidate> candidates, Function<Candidate, String> field) {
		return candidates.stream().map(field).toArray(String[]::new);
	}

	/**
	 * A registration that passed every check, with the token it gets if it is new.
	 */
	private record Candidate(String vin, String model, String country, @Nullable Long baselineM, String token) {
	}

}
