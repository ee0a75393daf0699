package org.metertocash.dunning.collections;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.metertocash.dunning.collections.policy.CollectionPolicy;
import org.metertocash.dunning.collections.policy.PolicySettings;
import org.metertocash.dunning.collections.policy.Step;
import org.metertocash.platform.calendar.BusinessCalendar;

import io.quarkus.runtime.Startup;

/**
 * Builds the {@link CollectionPolicy} from {@code dunning.policy.*} once, at start: a policy that breaks a Texas
 * limit (a late fee above 5 %, a notice period under 10 days, an unknown step…) stops the service from starting,
 * with every problem named.
 */
@ApplicationScoped
public class CollectionPolicyProducer {

    private static final Logger LOG = Logger.getLogger(CollectionPolicyProducer.class);

    @Produces
    @Singleton
    @Startup
    CollectionPolicy policy(PolicyConfig config, BusinessCalendar calendar) {
        CollectionPolicy policy = new CollectionPolicy(settings(config), calendar);
        LOG.infof("Collection policy: post-pay %s; pre-pay %s", config.postpay().steps(), config.prepay().steps());
        return policy;
    }

    /** The configuration as the pure policy's settings; unknown step names are refused with the valid ones. */
    static PolicySettings settings(PolicyConfig config) {
        List<String> unknown = new ArrayList<>();
        List<Step> postpaySteps = steps(config.postpay().steps(), "dunning.policy.postpay.steps", unknown);
        List<Step> prepaySteps = steps(config.prepay().steps(), "dunning.policy.prepay.steps", unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("The collection policy cannot start: " + String.join("; ", unknown)
                    + " (steps: " + java.util.Arrays.stream(Step.values()).map(Step::configName).toList() + ")");
        }
        PolicyConfig.Postpay postpay = config.postpay();
        return new PolicySettings(
                new PolicySettings.Postpay(postpaySteps, postpay.pastDue().daysAfterDue(), postpay.lateFee().enabled(),
                        postpay.lateFee().percent(), postpay.disconnectNotice().daysAfterDue(),
                        postpay.disconnectNotice().disconnectDaysAfterNotice(), postpay.disconnect().threshold(),
                        postpay.disconnect().onWeekendsAndHolidays(), postpay.disconnect().retryRejections()),
                new PolicySettings.Prepay(prepaySteps, config.prepay().disconnect().daysAfterWarning(),
                        config.prepay().disconnect().onWeekendsAndHolidays(),
                        config.prepay().disconnect().retryRejections()),
                config.reconnect().overdueAfter());
    }

    private static List<Step> steps(List<String> names, String key, List<String> unknown) {
        List<Step> steps = new ArrayList<>();
        for (String name : names) {
            Step.ofConfigName(name).ifPresentOrElse(steps::add, () -> unknown.add(key + ": unknown step '" + name + "'"));
        }
        return steps;
    }
}
