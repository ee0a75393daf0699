-- Products: the price sheets customers enroll on, priced like their Electricity Facts Labels (16 TAC §25.475).
-- A product is immutable once created (new prices are a new product code), so the price components are kept as
-- posted, in one JSON document; the columns beside it are what products are searched by.
create table product (
    code          varchar(40)  primary key,
    name          varchar(120) not null,
    billing_type  varchar(10)  not null,
    term_months   integer      not null,
    tdu           varchar(20)  not null,
    definition    jsonb        not null,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null
);
create index product_tdu on product (tdu);

-- The wires utilities' delivery tariffs, one row per version: in force from its effective date until the next
-- version's. Dollars per month and cents per kWh, unconstrained numerics: kept exactly as the tariff publishes them.
create table tdu_tariff (
    id                      uuid          primary key,
    tdu                     varchar(20)   not null,
    effective_date          date          not null,
    customer_charge         numeric       not null,
    delivery_cents_per_kwh  numeric       not null,
    updated_at              timestamptz   not null,
    updated_by              varchar(100)  not null,
    constraint tdu_tariff_version unique (tdu, effective_date)
);

-- Residential delivery charges effective 2023-09-01 as published by the PUCT (TDU codes as the market
-- configuration spells them); later versions are added with PUT /tdu-tariffs/{tdu}/{effectiveDate}.
insert into tdu_tariff (id, tdu, effective_date, customer_charge, delivery_cents_per_kwh, updated_at, updated_by) values
    (gen_random_uuid(), 'ONCOR',   date '2023-09-01', 4.23, 5.0339, now(), 'V3__products_and_tariffs'),
    (gen_random_uuid(), 'CNP',     date '2023-09-01', 4.39, 5.4694, now(), 'V3__products_and_tariffs'),
    (gen_random_uuid(), 'AEP_TCC', date '2023-09-01', 4.79, 5.5226, now(), 'V3__products_and_tariffs'),
    (gen_random_uuid(), 'AEP_TNC', date '2023-09-01', 4.79, 5.1265, now(), 'V3__products_and_tariffs'),
    (gen_random_uuid(), 'TNMP',    date '2023-09-01', 7.85, 6.0465, now(), 'V3__products_and_tariffs');
