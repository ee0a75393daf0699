package org.metertocash.x12;

/** The delimiters of an interchange, as its ISA segment declares them. */
public record Delimiters(char segment, char element, char component, char repetition) {

    /** What this platform writes: ~ * > ^ */
    public static final Delimiters STANDARD = new Delimiters('~', '*', '>', '^');
}
