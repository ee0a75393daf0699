package org.metertocash.enrollment.activation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Checks often ({@code enrollment.activation.check-every}) whether accepted enrollments reached their start
 * date by the business clock, so that moving the clock (local and test profiles) takes effect promptly rather
 * than at the next midnight.
 */
@ApplicationScoped
public class ActivationJob {

    private static final Logger LOG = Logger.getLogger(ActivationJob.class);

    @Inject
    Activation activation;

    @ConfigProperty(name = "enrollment.activation.batch-size", defaultValue = "200")
    int batchSize;

    @Scheduled(identity = "enrollment-activation", every = "${enrollment.activation.check-every}",
            delayed = "${enrollment.activation.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void activateDue() {
        int activated;
        do {
            activated = activation.activateDue(batchSize);
            if (activated > 0) {
                LOG.infof("%d enrollment(s) reached their start date and are ACTIVE", activated);
            }
        } while (activated == batchSize);
    }
}
