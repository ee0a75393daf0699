/**
 * Products: the price sheets customers enroll on, described like their Electricity Facts Labels (16 TAC §25.475)
 * — energy charge (flat, tiered or time of use), base and daily charges, fees and credits by usage band, the TDU
 * whose delivery charges pass through, and for pre-pay products the balances of §25.498. Validation refuses
 * impossible products field by field; a product never changes once created (new prices are a new product code),
 * so a bill can always be traced to the exact prices it was rated with. {@code GET /products/{code}/efl} computes
 * the label's average prices with the rating function itself.
 */
package org.metertocash.billing.product;
