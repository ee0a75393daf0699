package org.metertocash.dunning.notices;

import org.metertocash.contracts.common.ServiceAddress;

/**
 * Who a notice goes to: the customer's name, e-mail and phone, and the mailing address a printed notice is sent to
 * (the service address unless the customer gave another).
 */
public record Recipient(String name, String email, String phone, ServiceAddress mailingAddress) {
}
