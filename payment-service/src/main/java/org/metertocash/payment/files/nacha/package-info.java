/**
 * NACHA ACH files: the reader for return files (R01 … R85) and notifications of change (C01 … C13) with their batch
 * and file controls, and the writer of PPD debit files for auto-draft.
 */
package org.metertocash.payment.files.nacha;
