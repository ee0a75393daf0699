/**
 * What stops a disconnection on a given day besides the account itself: extreme-weather moratoriums per county per
 * day (16 TAC §25.483(j); {@code PUT /moratoriums/{county}/{date}}, a CSV bulk import) and the premise's designations
 * with their expiry (critical care 2 years, chronic condition 90 days: §25.497; low income for §25.480(c)). Every change
 * is audited with the caller; collections asks {@link org.metertocash.dunning.gates.Gates}.
 */
package org.metertocash.dunning.gates;
