package org.metertocash.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.billing.PrepayBalanceBelowDisconnection;
import org.metertocash.contracts.billing.PrepayBalanceLow;
import org.metertocash.contracts.billing.PrepayDailyBalance;
import org.metertocash.contracts.billing.PrepayReconnectEligible;
import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentRejected;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.enrollment.EnrollmentAccepted;
import org.metertocash.contracts.enrollment.EnrollmentRejected;
import org.metertocash.contracts.enrollment.EnrollmentSent;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.contracts.enrollment.EnrollmentActivated;
import org.metertocash.contracts.enrollment.EnrollmentCancelled;
import org.metertocash.contracts.enrollment.EnrollmentResubmitted;
import org.metertocash.contracts.enrollment.MoveOutRequested;
import org.metertocash.contracts.enrollment.EnrollmentDropped;
import org.metertocash.contracts.enrollment.EnrollmentMovedOut;
import org.metertocash.contracts.edi.MarketEnrollmentCompleted;
import org.metertocash.contracts.edi.LossNoticeReceived;
import org.metertocash.contracts.edi.MoveOutRequestSent;
import org.metertocash.contracts.edi.MoveOutCompleted;
import org.metertocash.contracts.edi.MoveOutRejected;
import org.metertocash.contracts.edi.MarketCancelSent;
import org.metertocash.contracts.edi.SwitchHoldAdded;
import org.metertocash.contracts.edi.SwitchHoldRemoved;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.contracts.edi.TdspInvoiceReceived;
import org.metertocash.contracts.edi.RemittanceReceived;
import org.metertocash.contracts.edi.ServiceOrderSent;
import org.metertocash.contracts.edi.ServiceOrderCompleted;
import org.metertocash.contracts.edi.ServiceOrderRejected;
import org.metertocash.contracts.edi.TransactionRejected;
import org.metertocash.contracts.edi.AcknowledgementOverdue;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.dunning.ReconnectRequested;
import org.metertocash.contracts.dunning.CollectionStateChanged;
import org.metertocash.contracts.dunning.LateFeeAssessed;
import org.metertocash.contracts.dunning.DisconnectCancelRequested;
import org.metertocash.contracts.dunning.DunningHoldCleared;
import org.metertocash.contracts.dunning.NoticeIssued;
import org.metertocash.contracts.dunning.DeferredPaymentPlanDefaulted;
import org.metertocash.contracts.dunning.PrepayConversionRequested;
import org.metertocash.contracts.payment.PaymentPosted;
import org.metertocash.contracts.payment.PaymentReturned;

/**
 * Every event type the platform publishes. docs/events.md documents each one; EventCatalogTest fails
 * when a type is published without being listed here or documented there.
 */
public final class EventCatalog {

    private static final List<Class<? extends DomainEvent>> EVENTS = List.of(
            EnrollmentSubmitted.class,
            EnrollmentSent.class,
            EnrollmentAccepted.class,
            EnrollmentRejected.class,
            EnrollmentActivated.class,
            EnrollmentCancelled.class,
            EnrollmentResubmitted.class,
            MoveOutRequested.class,
            EnrollmentDropped.class,
            EnrollmentMovedOut.class,
            MarketEnrollmentRequestSent.class,
            MarketEnrollmentAccepted.class,
            MarketEnrollmentRejected.class,
            MarketEnrollmentCompleted.class,
            LossNoticeReceived.class,
            MoveOutRequestSent.class,
            MoveOutCompleted.class,
            MoveOutRejected.class,
            MarketCancelSent.class,
            SwitchHoldAdded.class,
            SwitchHoldRemoved.class,
            UsageReported.class,
            TdspInvoiceReceived.class,
            RemittanceReceived.class,
            ServiceOrderSent.class,
            ServiceOrderCompleted.class,
            ServiceOrderRejected.class,
            TransactionRejected.class,
            AcknowledgementOverdue.class,
            BillingAccountOpened.class,
            BillPosted.class,
            BillCancelled.class,
            PrepayDailyBalance.class,
            PrepayBalanceLow.class,
            PrepayBalanceBelowDisconnection.class,
            PrepayReconnectEligible.class,
            PaymentPosted.class,
            PaymentReturned.class,
            DisconnectRequested.class,
            ReconnectRequested.class,
            CollectionStateChanged.class,
            LateFeeAssessed.class,
            DisconnectCancelRequested.class,
            DunningHoldCleared.class,
            NoticeIssued.class,
            DeferredPaymentPlanDefaulted.class,
            PrepayConversionRequested.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_TYPE = new LinkedHashMap<>();

    static {
        for (Class<? extends DomainEvent> event : EVENTS) {
            var previous = BY_TYPE.put(typeOf(event), event);
            if (previous != null) {
                throw new IllegalStateException("event type " + typeOf(event) + " declared twice");
            }
        }
    }

    public static List<Class<? extends DomainEvent>> all() {
        return EVENTS;
    }

    public static Optional<Class<? extends DomainEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static String typeOf(Class<? extends DomainEvent> event) {
        return annotation(event).value();
    }

    public static String topicOf(Class<? extends DomainEvent> event) {
        return annotation(event).topic();
    }

    private static EventType annotation(Class<?> event) {
        EventType type = event.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(event.getName() + " is not annotated with @EventType");
        }
        return type;
    }

    private EventCatalog() {
    }
}
