/**
 * Watched inbound folders: files dropped by partners taken once each, then moved to {@code processed/} or
 * {@code rejected/}.
 */
package org.metertocash.platform.folder;
