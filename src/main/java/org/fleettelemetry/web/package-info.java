/**
 * The web layer shared by every module: RFC 9457 problem details for every error, payload
 * limits, and the fast paths that answer the busiest endpoints without Spring MVC's
 * dispatch.
 */
@NullMarked
package org.fleettelemetry.web;

import org.jspecify.annotations.NullMarked;
