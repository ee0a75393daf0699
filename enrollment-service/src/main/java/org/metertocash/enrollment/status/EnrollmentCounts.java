package org.metertocash.enrollment.status;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.platform.status.StatusContributor;

/** Enrollments by state, for {@code GET /status}. */
@ApplicationScoped
public class EnrollmentCounts implements StatusContributor {

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Long> byState = new TreeMap<>();
        Enrollment.getEntityManager()
                .createQuery("select e.state, count(e) from Enrollment e group by e.state", Object[].class)
                .getResultList()
                .forEach(row -> byState.put(row[0].toString(), (Long) row[1]));
        return Map.of("enrollments", byState);
    }
}
