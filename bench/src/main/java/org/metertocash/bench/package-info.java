/**
 * Benchmarks: {@link org.metertocash.bench.X12Benchmark}, {@link org.metertocash.bench.RatingBenchmark} (the rating function, bills/s per core), {@link org.metertocash.bench.UsageFileBenchmark} (large
 * 867 interval usage files, MB/s per core) and {@link org.metertocash.bench.EventJsonBenchmark} (JMH, hot code),
 * {@link org.metertocash.bench.SpineLoad} (the packaged platform under load) and {@link org.metertocash.bench.BillRunLoad}
 * (a bill run of 100,000 accounts on the packaged platform, and the raw insert speed of its rows). Results are recorded in
 * docs/benchmarks.md with the machine and the command.
 */
package org.metertocash.bench;
