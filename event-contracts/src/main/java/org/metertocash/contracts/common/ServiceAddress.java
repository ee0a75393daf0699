package org.metertocash.contracts.common;

public record ServiceAddress(String line1, String line2, String city, String state, String zip, String county) {
}
