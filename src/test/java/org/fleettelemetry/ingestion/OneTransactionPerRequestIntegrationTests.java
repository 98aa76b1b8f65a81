package org.fleettelemetry.ingestion;

import org.springframework.test.context.TestPropertySource;

/**
 * The same exactness with group commit turned off: one transaction per request.
 */
@TestPropertySource(properties = "fleet.ingestion.group-commit.enabled=false")
class OneTransactionPerRequestIntegrationTests extends ConcurrentIngestionIntegrationTests {

}
