package org.fleettelemetry.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A registered vehicle of the campaign and the readings it makes: every 10 s of its own
 * clock (which starts 60 days ago, so no reading is from the future), 1 to 600 m further
 * (at most 216 km/h, within the speed check). Readings are handed out as a car and its
 * gateway send them: mostly new ones, some sent again (duplicates), and some held back
 * and sent after newer ones (out of order). Only the odometer is ever credited, so the
 * readings' order in time never breaks a crediting rule, whatever order they arrive in.
 */
final class ChaosVehicle {

	private static final long STEP_SECONDS = 10;

	private final String vin;

	private final String token;

	private final long baselineM;

	private final Instant clockStart;

	private final List<Reading> sent = new ArrayList<>();

	private final List<Reading> heldBack = new ArrayList<>();

	private long odometerM;

	private int made;

	ChaosVehicle(String vin, String token, long baselineM, Instant clockStart) {
		this.vin = vin;
		this.token = token;
		this.baselineM = baselineM;
		this.clockStart = clockStart;
		this.odometerM = baselineM;
	}

	String vin() {
		return this.vin;
	}

	String token() {
		return this.token;
	}

	long baselineM() {
		return this.baselineM;
	}

	/**
	 * The next {@code count} reports to send.
	 */
	synchronized List<Reading> next(int count, Random random) {
		List<Reading> out = new ArrayList<>(count);
		while (out.size() < count) {
			double dice = random.nextDouble();
			if (dice < 0.08 && !this.sent.isEmpty()) {
				out.add(this.sent.get(random.nextInt(this.sent.size())));
			}
			else if (dice < 0.16 && !this.heldBack.isEmpty()) {
				out.add(send(this.heldBack.remove(0)));
			}
			else if (dice < 0.24) {
				this.heldBack.add(make(random));
			}
			else {
				out.add(send(make(random)));
			}
		}
		return out;
	}

	private Reading send(Reading reading) {
		this.sent.add(reading);
		return reading;
	}

	private Reading make(Random random) {
		long step = 1 + random.nextInt(600);
		this.odometerM += step;
		this.made++;
		Instant at = this.clockStart.plusSeconds(STEP_SECONDS * this.made);
		return new Reading(this.vin, "r-" + this.made, at, this.odometerM, random.nextBoolean() ? step : 0);
	}

}
