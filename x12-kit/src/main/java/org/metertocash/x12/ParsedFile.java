package org.metertocash.x12;

import java.util.List;

/**
 * A whole file as read: its interchanges, and the error that stopped the reader if the file could not be read to
 * its end (not X12, a corrupt or truncated envelope).
 */
public record ParsedFile(List<Interchange> interchanges, String fatalError) {

    public boolean readable() {
        return fatalError == null;
    }
}
