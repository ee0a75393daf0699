/**
 * Our CSV payment file layout for pay agents and lockbox partners ({@link org.metertocash.payment.files.csv.CsvLayout})
 * and its reader: payment rows in batches closed by BATCH_CONTROL rows, a FILE_CONTROL row at the end.
 */
package org.metertocash.payment.files.csv;
