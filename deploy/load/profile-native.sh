#!/usr/bin/env bash
# Native CPU profile of a running local suite (bin/run-local), with kernel, JVM and JIT-compiled Java frames.
#
# Why not JFR: its execution samples only see Java threads at safepoint-free points in Java code; on this suite they
# covered under a tenth of the services' CPU (/proc user time). perf samples every thread wherever it runs: the
# kernel (futex wake-ups, epoll, TCP loopback), libjvm (GC, JIT compiler threads, safepoints) and compiled Java.
#
# Prerequisites (once per machine / run):
#   apt-get install -y linux-perf                       # Debian's perf
#   sysctl kernel.perf_event_paranoid=-1                # if perf refuses to attach (needs root)
#   JAVA_TOOL_OPTIONS=-XX:+PreserveFramePointer bin/run-local   # child JVMs inherit it: Java frames walkable by -g
#
# Only the processes of the local run in ./.paysuite (PAYSUITE_DIR overrides) are recorded. Then, with load running (e.g. in another shell: bin/bench --scenarios=barcode --concurrency=8 --duration=90s
# --jit-warmup=60s --background=0s --baseline=false), start this once the JIT warm-up is over:
#   deploy/load/profile-native.sh [seconds=30] [out-dir=.paysuite/profile-<time>]
#
# It writes, per process (every service by its -Dpaysuite.instance name, the broker, the name server, the sandbox,
# MariaDB): <name>.dso.txt (share by binary: [kernel.kallsyms], libjvm.so, the JIT map "perf-<pid>.map" =
# compiled Java, libc, ...), <name>.sym.txt (top symbols, --sort dso,sym), <name>.threads.txt (by thread name: C2/C1
# compiler threads, "VM Thread" = the serial GC's safepoint work, Dubbo/RocketMQ/Tomcat pools), and summary.txt
# with the sample count per process. Java symbols come from `jcmd <pid> Compiler.perfmap` (JDK 17 writes
# /tmp/perf-<pid>.map), dumped right after recording so the code compiled during the window is named too; frames
# of the interpreter show as "Interpreter" and stubs of code freed since as [unknown].
set -euo pipefail
seconds="${1:-30}"
out="${2:-.paysuite/profile-$(date +%Y%m%d-%H%M%S)}"
freq="${PERF_FREQ:-199}"
mkdir -p "$out"

run_dir="$(cd "${PAYSUITE_DIR:-$PWD/.paysuite}" 2> /dev/null && pwd || echo "${PAYSUITE_DIR:-$PWD/.paysuite}")"
# a process of this run: started in its directory (the launcher's working directory for every process it starts)
# or naming it (MariaDB's datadir); other suites on the box (integration tests) are left out
ours() {
  local cwd
  cwd=$(readlink "/proc/$1/cwd" 2> /dev/null || true)
  [[ "$cwd" == "$run_dir"* ]] || tr '\0' ' ' < "/proc/$1/cmdline" 2> /dev/null | grep -F "$run_dir" > /dev/null # no -q: under pipefail an early exit fails tr
}

# name:pid for every process of the suite
declare -a procs=()
for pid in $(pgrep -f 'paysuite.instance=' || true); do
  ours "$pid" || continue
  name=$(tr '\0' '\n' < "/proc/$pid/cmdline" | sed -n 's/^-Dpaysuite.instance=//p')
  if [[ -n "$name" ]]; then procs+=("$name:$pid"); fi
done
for pattern in BrokerStartup NamesrvStartup; do
  for pid in $(pgrep -f "$pattern" || true); do
    if ours "$pid"; then procs+=("$pattern:$pid"); break; fi
  done
done
for pid in $(pgrep -x mariadbd || true); do
  if ours "$pid"; then procs+=("mariadbd:$pid"); break; fi
done
if [[ ${#procs[@]} -eq 0 ]]; then
  echo "no processes of the run in $run_dir found: start bin/run-local there first (PAYSUITE_DIR overrides)" >&2
  exit 1
fi
pids=$(printf '%s\n' "${procs[@]}" | cut -d: -f2 | paste -sd,)
printf '%s\n' "${procs[@]}" > "$out/processes.txt"
echo "recording ${seconds}s at ${freq} Hz with call graphs: ${procs[*]}" >&2
perf record -q -F "$freq" -g -p "$pids" -o "$out/perf.data" -- sleep "$seconds" 2> "$out/perf-record.log" || true

for entry in "${procs[@]}"; do # Java symbols of what is compiled now (the map is read at report time)
  pid=${entry#*:}
  if [[ "$entry" != mariadbd:* ]]; then
    jcmd "$pid" Compiler.perfmap > /dev/null 2>&1 || echo "no perf map for $entry" >&2
  fi
done

{ # per process, not per thread (perf report's "pid" key is the thread): count the samples' process ids
  echo "# samples per process (${freq} Hz, ${seconds} s; one sample ≈ $((1000 / freq)) ms of one core)"
  counts=$(perf script -i "$out/perf.data" -F pid 2> /dev/null | sort | uniq -c || true)
  for entry in "${procs[@]}"; do
    n=$(awk -v pid="${entry#*:}" '$2 == pid { print $1 }' <<< "$counts")
    printf '%8s  %s\n' "${n:-0}" "${entry%%:*}"
  done
} > "$out/summary.txt"
for entry in "${procs[@]}"; do
  name=${entry%%:*}
  pid=${entry#*:}
  report=(perf report -i "$out/perf.data" --pid "$pid" --no-children --stdio --percent-limit 0.5 -g none)
  "${report[@]}" --sort dso > "$out/$name.dso.txt" 2> /dev/null || true
  "${report[@]}" --sort dso,sym > "$out/$name.sym.txt" 2> /dev/null || true
  "${report[@]}" --sort comm > "$out/$name.threads.txt" 2> /dev/null || true
done
echo "profile in $out (summary.txt; <process>.dso|sym|threads.txt; perf report -i $out/perf.data for call graphs)" >&2
