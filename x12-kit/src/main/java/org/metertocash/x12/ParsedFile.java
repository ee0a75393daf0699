package org.metertocash.x12;

import java.util.List;

/**
 * A whole file as read: its interchanges, and — when some of it could not be read (not X12, a corrupt or truncated
 * envelope) — the first such problem. The reader reads each interchange on its own, so the interchanges after a
 * broken one are still here, read in full; the broken one is listed too, with its TA1 code in its errors.
 */
public record ParsedFile(List<Interchange> interchanges, String fatalError) {

    public boolean readable() {
        return fatalError == null;
    }
}
