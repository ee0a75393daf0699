package org.metertocash.enrollment.operations;

import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.platform.problem.ProblemException;

/** Finding the enrollment an operation acts on, locked against concurrent operations and market events. */
final class Enrollments {

    static Enrollment locked(UUID id) {
        Enrollment enrollment = Enrollment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (enrollment == null) {
            throw ProblemException.notFound("No enrollment " + id);
        }
        return enrollment;
    }

    private Enrollments() {
    }
}
