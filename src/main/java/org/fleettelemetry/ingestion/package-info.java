/**
 * Report ingestion: the report endpoints, strict parsing, judging each report against the
 * crediting rule, and crediting accepted ones exactly once in batches that share
 * transactions (group commit).
 */
@NullMarked
package org.fleettelemetry.ingestion;

import org.jspecify.annotations.NullMarked;
