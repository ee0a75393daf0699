package org.metertocash.platform.workqueue;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit trail of a work item: who did what, when, with which note and outcome. */
@Entity
@Table(name = "work_item_action")
public class WorkItemAction {

    public enum Action {
        RAISED, RECURRED, RESOLVE, DISMISS, RETRY, AUTO_CLOSE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "work_item_id", nullable = false)
    public UUID workItemId;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Action action;

    @Column(nullable = false)
    public String actor;

    public String note;

    public String outcome;

    @Column(nullable = false)
    public Instant at;
}
