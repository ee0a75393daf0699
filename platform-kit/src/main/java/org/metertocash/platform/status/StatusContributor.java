package org.metertocash.platform.status;

import java.util.Map;

/**
 * A service's own counts for the status endpoint: entity counts by state, e.g.
 * {@code {"enrollments": {"SUBMITTED": 3, "ACCEPTED": 10}}}.
 */
public interface StatusContributor {

    Map<String, Map<String, Long>> entityCountsByState();
}
