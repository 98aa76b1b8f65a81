package org.fleettelemetry.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every request and what became of it, and every report and what the answers said of it:
 * what the service should now hold, worked out from the answers alone.
 * <p>
 * A report's credit is what its {@code ACCEPTED} answer said. A {@code DUPLICATE} credits
 * nothing, but says what was first credited; where no {@code ACCEPTED} answer was seen,
 * the first one was lost with a request of unknown outcome, and the duplicate's figure
 * stands for it. A report answered {@code ACCEPTED} twice was counted twice.
 */
final class History {

	private final Map<Answer.Outcome, Integer> outcomes = new TreeMap<>();

	private final Map<String, Integer> failures = new TreeMap<>();

	private final List<ChaosRequest> unknown = new ArrayList<>();

	private final List<ChaosRequest> failed = new ArrayList<>();

	private final Map<String, Fate> reports = new HashMap<>();

	private int requests;

	private int itemsSent;

	/**
	 * Records the first sending of a request.
	 */
	synchronized void record(ChaosRequest request, Answer answer) {
		this.requests++;
		this.itemsSent += request.items().size();
		this.outcomes.merge(answer.outcome(), 1, Integer::sum);
		switch (answer.outcome()) {
			case FAILED -> {
				this.failures.merge(answer.status() + " " + answer.code(), 1, Integer::sum);
				this.failed.add(request);
			}
			case UNKNOWN -> {
				this.unknown.add(request);
				request.items().forEach((reading) -> fate(reading).unknownSendings++);
			}
			case OK -> learn(request, answer);
		}
	}

	/**
	 * Records the answer to a request of unknown outcome, or answered as failed, sent
	 * again.
	 */
	synchronized void recordResend(ChaosRequest request, Answer answer) {
		learn(request, answer);
	}

	synchronized List<ChaosRequest> unknown() {
		return List.copyOf(this.unknown);
	}

	/**
	 * The requests answered as failed: sent again at the end, their duplicates give away
	 * a failure that in fact stored.
	 */
	synchronized List<ChaosRequest> failed() {
		return List.copyOf(this.failed);
	}

	synchronized int requests() {
		return this.requests;
	}

	synchronized int itemsSent() {
		return this.itemsSent;
	}

	synchronized int count(Answer.Outcome outcome) {
		return this.outcomes.getOrDefault(outcome, 0);
	}

	synchronized Map<String, Integer> failures() {
		return Map.copyOf(this.failures);
	}

	/**
	 * What the answers say each vehicle and the fleet should hold.
	 */
	synchronized Expected expected() {
		Map<String, Long> highest = new HashMap<>();
		long told = 0;
		long twice = 0;
		long stored = 0;
		int inconsistent = 0;
		int rejected = 0;
		int storedUnsaid = 0;
		for (Fate fate : this.reports.values()) {
			rejected += fate.rejected;
			inconsistent += fate.inconsistent;
			if (fate.isStored()) {
				stored++;
				// stored, yet no answer said so and no request of unknown outcome carried
				// it: an answer that said "failed" was wrong
				storedUnsaid += (fate.accepted == 0 && fate.unknownSendings == 0) ? 1 : 0;
				told += fate.credit();
				twice += Math.max(0, fate.accepted - 1) * fate.credit();
				highest.merge(fate.reading.vin(), fate.reading.odometerM(), Math::max);
			}
		}
		return new Expected(highest, told, twice, stored, inconsistent, rejected, storedUnsaid);
	}

	private void learn(ChaosRequest request, Answer answer) {
		for (int i = 0; i < request.items().size(); i++) {
			Reading reading = request.items().get(i);
			fate(reading).learn(answer.items().get(i));
		}
	}

	private Fate fate(Reading reading) {
		return this.reports.computeIfAbsent(reading.key(), (key) -> new Fate(reading));
	}

	/**
	 * What the answers say the service holds: each vehicle's highest stored reading, the
	 * metres credited, the metres answered {@code ACCEPTED} more than once, how many
	 * reports are stored, how many answers contradict one another or rejected a report,
	 * and how many reports were stored although only answers that said nothing was stored
	 * (or none) came for them.
	 */
	record Expected(Map<String, Long> highestM, long toldM, long acceptedTwiceM, long storedReports,
			int inconsistentAnswers, int rejected, int storedDespiteFailure) {

	}

	private static final class Fate {

		private final Reading reading;

		private int accepted;

		private int rejected;

		private int inconsistent;

		private int unknownSendings;

		private Long credit;

		Fate(Reading reading) {
			this.reading = reading;
		}

		void learn(Answer.Item item) {
			switch (item.status()) {
				case "ACCEPTED" -> {
					this.accepted++;
					agree(item.creditedM());
				}
				case "DUPLICATE" -> agree(item.creditedM());
				default -> this.rejected++;
			}
		}

		boolean isStored() {
			return this.credit != null;
		}

		long credit() {
			return this.credit;
		}

		private void agree(long creditedM) {
			if (this.credit == null) {
				this.credit = creditedM;
			}
			else if (this.credit != creditedM) {
				this.inconsistent++;
			}
		}

	}

}
