/**
 * Refused write requests, kept. Every POST, PUT, PATCH or DELETE a service answers as bad input (400, 413, 415,
 * 422 problem+json) is stored with the body the caller sent, who sent it and the problem it was answered with, and
 * raises a {@code REFUSED_REQUEST} work item; operations read them at {@code GET /refused-requests}. Endpoints that
 * keep their refused input themselves (a rejected payment file, a rejected EDI interchange) are excluded by
 * configuration ({@code platform.refused-requests.exclude-paths}).
 */
package org.metertocash.platform.refused;
