package dev.flotilla.bench.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by a process and its children (Linux {@code /proc}): the cost of work in
 * a form that does not depend on how busy the machine is, unlike elapsed time.
 */
final class CpuTime {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private CpuTime() {
    }

    /** CPU seconds of {@code pid}, its finished children and its running children; 0 if unknown. */
    static double of(long pid) {
        long[] own = stat(pid);
        if (own == null) {
            return 0;
        }
        double ticks = own[0] + own[1] + own[2] + own[3];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    long[] child = stat(Long.parseLong(name));
                    if (child != null && child[4] == pid) {
                        ticks += child[0] + child[1];
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICKS;
    }

    /** The postmaster's process id, from the first line of {@code postmaster.pid} in the data directory. */
    static long postmaster(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime, stime, cutime, cstime, ppid; null if the process is gone. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after it are plain numbers.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] { Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]),
                    Long.parseLong(f[1]) };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
