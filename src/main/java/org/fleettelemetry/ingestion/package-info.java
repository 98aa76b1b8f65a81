/**
 * Report ingestion: the report endpoints, strict parsing, judging each report against the
 * crediting rule, and crediting accepted ones exactly once in batches that share
 * transactions (group commit); the quarantine of refused reports and its review.
 * <p>
 * Where JPA stops and SQL starts: {@link org.fleettelemetry.ingestion.Anomaly} maps the
 * {@code anomalies} table for the review list (filters as Spring Data
 * {@code Specification}s, keyset pages newest first), and is {@code @Immutable}.
 * Crediting inserts anomalies set-wise, and a release or discard changes one with a
 * statement conditional on its being {@code OPEN}; a release does so inside the ledger's
 * transaction, so that it commits with the credit.
 */
@NullMarked
package org.fleettelemetry.ingestion;

import org.jspecify.annotations.NullMarked;
