/**
 * Deferred payment plans (16 TAC §25.480(j)): {@code POST /payment-plans} makes a schedule (a down payment due at once,
 * then equal monthly installments, the last taking the cents left over) and records whether the rule required the plan
 * ({@link org.metertocash.dunning.plans.PlanRequirement}). Payments count towards the installments oldest first
 * ({@link org.metertocash.dunning.plans.PlanProgress}); collections asks
 * {@link org.metertocash.dunning.plans.PaymentPlans#standing} for the plan's standing, which marks a missed installment
 * as a default once (DeferredPaymentPlanDefaulted and a DPP_DEFAULTED work item).
 */
package org.metertocash.dunning.plans;
