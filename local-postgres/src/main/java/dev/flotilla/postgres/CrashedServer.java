package dev.flotilla.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a killed server leaves behind. When the postmaster is killed (SIGKILL), its children
 * (backends, checkpointer, WAL writer) notice within a moment and end, but until the last one
 * has, they hold the cluster's shared memory and a new postmaster refuses to start ("pre-existing
 * shared memory block is still in use"). They are found by their working directory, which every
 * process of a cluster has set to its data directory (Linux; elsewhere there is nothing to wait
 * for).
 */
final class CrashedServer {

    private CrashedServer() {
    }

    /** The pid on the first line of {@code postmaster.pid}, if the file is there. */
    static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]+")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(lines.get(0).strip()));
    }

    /**
     * When the cluster's postmaster is dead, waits up to {@code timeout} for the rest of its
     * processes to end. A running postmaster is left alone (starting a second one fails, as it
     * should).
     */
    static void awaitGone(Path dataDir, Duration timeout) throws IOException {
        Optional<Long> postmaster = postmasterPid(dataDir);
        if (postmaster.isEmpty() || alive(postmaster.get())) {
            return;
        }
        Path data = dataDir.toRealPath();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!processesIn(data).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("processes of a killed PostgreSQL still run in " + data + ": "
                        + processesIn(data) + "; stop them first");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /**
     * Whether process {@code pid} runs. A zombie (ended, not reaped yet; the postmaster is no
     * child of this JVM, so reaping it is up to someone else) does not.
     */
    static boolean alive(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc"))) {
            try {
                String line = Files.readString(stat);
                String state = line.substring(line.lastIndexOf(')') + 1).strip();
                return !state.startsWith("Z") && !state.startsWith("X");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Live processes whose working directory is {@code dir}. */
    static List<Long> processesIn(Path dir) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return List.of();
        }
        return ProcessHandle.allProcesses()
                .filter(process -> alive(process.pid()))
                .filter(process -> {
                    try {
                        return dir.equals(Files.readSymbolicLink(proc.resolve(Long.toString(process.pid())).resolve("cwd")));
                    } catch (IOException | UnsupportedOperationException | SecurityException e) {
                        return false;
                    }
                })
                .map(ProcessHandle::pid)
                .toList();
    }
}
