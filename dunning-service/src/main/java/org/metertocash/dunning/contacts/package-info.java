/**
 * The customer behind each accepted enrollment, from EnrollmentAccepted: name, e-mail and phone for notices, the
 * service address printed notices are mailed to, and its county, which extreme-weather moratoriums are decided for
 * (16 TAC §25.483(j)).
 */
package org.metertocash.dunning.contacts;
