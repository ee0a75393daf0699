package org.metertocash.billing.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.metertocash.billing.bill.UsageBilling;
import org.metertocash.billing.invoice.TdspInvoiceIntake;
import org.metertocash.billing.usage.UsageIntake;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.TdspInvoiceReceived;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.platform.inbox.EventRoutes;
import org.metertocash.platform.inbox.Inbox;
import org.metertocash.platform.inbox.TopicConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * What billing takes from the market (edi.events): usage (867) from the wires utility becomes meter reads, and the bill
 * run drafts their bills; the utility's invoices for delivery charges (810_02) are stored and reconciled with the
 * bills of their period.
 */
@ApplicationScoped
public class MarketEventsConsumer implements TopicConsumer {

    private EventRoutes routes;

    @Inject
    Inbox inbox;

    @Inject
    UsageIntake usage;

    @Inject
    UsageBilling billing;

    @Inject
    TdspInvoiceIntake invoices;

    @PostConstruct
    void buildRoutes() {
        routes = EventRoutes.builder().on(UsageReported.class, (reported, envelope) -> {
            usage.record(reported, envelope);
            billing.usageRecorded(); // the bill run looks for new billable reads once this commits
        }).on(TdspInvoiceReceived.class, invoices::receive).build();
    }

    @Override
    public String topic() {
        return Topics.EDI;
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    @Incoming("edi-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.consumeBatch(records, routes); // the channel is in batch mode: one transaction per poll
    }
}
