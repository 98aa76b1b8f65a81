package org.fleettelemetry.web;

import java.io.IOException;

/**
 * A request body went past its size limit while being read.
 */
class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}

}
