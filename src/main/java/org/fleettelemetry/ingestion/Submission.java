package org.fleettelemetry.ingestion;

import tools.jackson.databind.JsonNode;

/**
 * A well-formed report on its way to the ledger.
 *
 * @param vin the VIN it was sent for
 * @param report the checked report
 * @param json the report as it was sent, kept with it if it is quarantined
 */
record Submission(String vin, Report report, JsonNode json) {
}
