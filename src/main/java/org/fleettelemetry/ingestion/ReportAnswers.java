package org.fleettelemetry.ingestion;

import java.math.BigDecimal;
import java.util.List;

import org.fleettelemetry.shared.Distances;

/**
 * The bodies the report endpoints answer with.
 */
final class ReportAnswers {

	private ReportAnswers() {
	}

	/**
	 * @param reportId the report
	 * @param status {@code ACCEPTED} or {@code DUPLICATE}
	 * @param creditedKm distance credited by it (when first received, for a duplicate)
	 * @param vehicleDistanceKm the vehicle's credited distance now
	 */
	record Single(String reportId, Outcome.Status status, BigDecimal creditedKm, BigDecimal vehicleDistanceKm) {

		static Single of(Outcome outcome) {
			return new Single(outcome.reportId(), outcome.status(), Distances.kmOrNull(outcome.creditedM()),
					Distances.kmOrNull(outcome.vehicleDistanceM()));
		}

	}

	/**
	 * @param accepted reports credited now
	 * @param duplicates reports received before
	 * @param rejected reports refused
	 * @param results one per item, in the order sent
	 */
	record Batch(int accepted, int duplicates, int rejected, List<Item> results) {

		static Batch of(List<Outcome> outcomes) {
			int[] counts = new int[Outcome.Status.values().length];
			outcomes.forEach((o) -> counts[o.status().ordinal()]++);
			return new Batch(counts[Outcome.Status.ACCEPTED.ordinal()], counts[Outcome.Status.DUPLICATE.ordinal()],
					counts[Outcome.Status.REJECTED.ordinal()], outcomes.stream().map(Item::of).toList());
		}

	}

	/**
	 * @param reportId the item's report id ({@code null} when it had none)
	 * @param status {@code ACCEPTED}, {@code DUPLICATE} or {@code REJECTED}
	 * @param creditedKm distance credited, {@code null} when rejected
	 * @param code why it was rejected, else {@code null}
	 * @param detail the rejection in words, else {@code null}
	 */
	record Item(String reportId, Outcome.Status status, BigDecimal creditedKm, String code, String detail) {

		static Item of(Outcome outcome) {
			return new Item(outcome.reportId(), outcome.status(), Distances.kmOrNull(outcome.creditedM()),
					(outcome.code() != null) ? outcome.code().name() : null, outcome.detail());
		}

	}

}
