package org.metertocash.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

/**
 * Where a benchmark's machine time went: CPU time of the platform's processes from {@code /proc/<pid>/stat}, and the
 * load average (how much else competed for the cores). The load drivers take it before and after their measured
 * interval and report the difference per process.
 */
final class ProcessCpu {

    /** CPU time (clock ticks, 1/100 s) of the platform's processes, PostgreSQL's summed over its backends. */
    static Map<String, Long> ticks(PlatformProcesses platform) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.values()) {
            platform.pid(service).ifPresent(pid -> ticks.put(service.module(), ticks(pid)));
        }
        platform.kafkaPid().ifPresent(pid -> ticks.put("kafka", ticks(pid)));
        long postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(p -> ticks(p.pid())).sum();
        ticks.put("postgresql (every postgres process on the machine)", postgres);
        ticks.put("load driver (this JVM)", ticks(ProcessHandle.current().pid()));
        return ticks;
    }

    /** utime + stime of a process in clock ticks; 0 when it is gone. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime, stime (fields 14 and 15 of the whole line; 12 and 13 after the command)
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The machine's 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private ProcessCpu() {
    }
}
