package org.fleettelemetry.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of a campaign: the requests and their outcomes, the faults injected, and
 * the check to the metre of what the service holds against what its answers said.
 *
 * @param seconds how long the campaign took, start-up and checks included
 * @param requests requests sent (first sendings)
 * @param ok requests answered 2xx
 * @param failed requests answered that nothing was stored (or never connected)
 * @param unknown requests without an answer that tells, each sent again until it told
 * @param resends sendings again of requests of unknown outcome (until answered) and of
 * failed ones (once)
 * @param reportsSent reports in the requests sent, duplicates included
 * @param reportsStored distinct reports the answers said were stored
 * @param serviceReports accepted reports the fleet summary counts
 * @param faults faults injected, of each kind
 * @param failures failed requests by status and code
 * @param fleetM the fleet's distance the service answers, in metres
 * @param toldM the metres the answers said were credited
 * @param expectedM the sum over vehicles of the highest stored reading minus the baseline
 * @param metresLost metres the answers say were credited that a vehicle does not hold
 * @param metresDoubleCounted metres a vehicle holds beyond its readings, or answered
 * {@code ACCEPTED} twice
 * @param inconsistentAnswers answers that gave one report two different credits
 * @param rejectedItems reports answered {@code REJECTED} (none of the client's break a
 * rule)
 * @param storedDespiteFailure reports stored although every request that carried them
 * before was answered "nothing stored"
 * @param reconciliation what the service's reconciliation said
 */
record ChaosSummary(long seconds, int requests, int ok, int failed, int unknown, int resends, int reportsSent,
		long reportsStored, long serviceReports, Map<Nemesis.Fault, Integer> faults, Map<String, Integer> failures,
		long fleetM, long toldM, long expectedM, long metresLost, long metresDoubleCounted, int inconsistentAnswers,
		int rejectedItems, int storedDespiteFailure, String reconciliation) {

	/**
	 * What is wrong, if anything: every item must be empty for a campaign to pass.
	 */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		expect(problems, this.metresLost == 0, this.metresLost + " m lost");
		expect(problems, this.metresDoubleCounted == 0, this.metresDoubleCounted + " m double-counted");
		expect(problems, this.fleetM == this.toldM,
				"the fleet holds " + this.fleetM + " m, the answers said " + this.toldM + " m");
		expect(problems, this.toldM == this.expectedM,
				"the answers credited " + this.toldM + " m, the readings give " + this.expectedM + " m");
		expect(problems, this.serviceReports == this.reportsStored,
				"the fleet counts " + this.serviceReports + " reports, the answers stored " + this.reportsStored);
		expect(problems, this.inconsistentAnswers == 0, this.inconsistentAnswers + " answers contradict another");
		expect(problems, this.rejectedItems == 0, this.rejectedItems + " reports rejected");
		expect(problems, this.storedDespiteFailure == 0,
				this.storedDespiteFailure + " reports stored by requests answered as failed");
		return problems;
	}

	List<String> lines() {
		return List.of("chaos: " + this.seconds + " s",
				"requests: " + this.requests + " sent, " + this.ok + " ok, " + this.failed + " failed, " + this.unknown
						+ " unknown; " + this.resends + " sent again (the unknown until answered, the failed once)",
				"reports: " + this.reportsSent + " sent, " + this.reportsStored + " stored (the fleet counts "
						+ this.serviceReports + ")",
				"faults: " + this.faults, "failed requests: " + this.failures,
				"metres: fleet " + this.fleetM + ", answers " + this.toldM + ", readings " + this.expectedM,
				"metres lost: " + this.metresLost + ", metres double-counted: " + this.metresDoubleCounted,
				"stored by requests answered as failed: " + this.storedDespiteFailure,
				"reconciliation: " + this.reconciliation);
	}

	private static void expect(List<String> problems, boolean holds, String problem) {
		if (!holds) {
			problems.add(problem);
		}
	}

}
