/**
 * A simulated fleet for a first look (profile {@code demo}, off otherwise): a few hundred
 * cars in several countries drive, upload their history offline in batches, repeat
 * themselves and now and then send a bad reading, all through the service's own HTTP API,
 * so that the live page counts up, milestones fire and anomalies appear.
 */
@NullMarked
package org.fleettelemetry.demo;

import org.jspecify.annotations.NullMarked;
