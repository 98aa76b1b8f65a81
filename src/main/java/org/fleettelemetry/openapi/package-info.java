/**
 * The OpenAPI document of the HTTP contract, served at /v3/api-docs.
 */
@NullMarked
package org.fleettelemetry.openapi;

import org.jspecify.annotations.NullMarked;
