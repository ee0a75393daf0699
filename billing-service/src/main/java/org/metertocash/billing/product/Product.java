package org.metertocash.billing.product;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.metertocash.contracts.common.BillingType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A product as stored: immutable once created (no setter path changes it), its price components kept as posted
 * in {@code definition}; the other columns are copies to search by.
 */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_type", nullable = false)
    public BillingType billingType;

    @Column(name = "term_months", nullable = false)
    public int termMonths;

    @Column(nullable = false)
    public String tdu;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb", updatable = false)
    public ProductDefinition definition;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
