package org.metertocash.contracts.common;

public record Customer(String name, String email, String phone) {
}
