package org.metertocash.contracts.common;

/** SWITCH is sent to market as an 814_01, MOVE_IN as an 814_16. */
public enum RequestType {
    SWITCH, MOVE_IN
}
