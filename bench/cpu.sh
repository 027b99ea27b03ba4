# shellcheck shell=bash
# CPU time of a process, as the bench scripts report it (sourced by them).

# cpu_ticks <pid>: the CPU time (user + system, in clock ticks) the process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# micros_per_request <ticks> <requests>: CPU time per request, in microseconds.
micros_per_request() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (n > 0) ? t / hz * 1e6 / n : 0 }'; }
