/** What the REST resources of payment-service share: reading query parameters into field errors. */
package org.metertocash.payment.api;
