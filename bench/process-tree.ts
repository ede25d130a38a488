// The CPU time of a process tree, read from Linux's /proc (bench/worker.ts): the processes under a root
// pid, and per process the CPU time of its threads. Each thread's /proc/<pid>/task/<tid>/schedstat gives
// its time on the CPU in nanoseconds; /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms) is too
// coarse for a request of a few hundred milliseconds, and is only the fall-back when schedstat is absent.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export type TreeProcess = { pid: number; ppid: number; name: string };

let tickNs = 0;
const nanosecondsPerTick = () => {
  tickNs ||= 1e9 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  return tickNs;
};

function readOr(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // the process or thread ended between the listing and the read
    return null;
  }
}

/** The fields of a stat line after the command name, which may itself hold spaces and parentheses. */
function statFields(stat: string): { name: string; rest: string[] } {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  return { name: stat.slice(open + 1, close), rest: stat.slice(close + 2).split(' ') };
}

/** Every living process under `root` (root included), found by walking the parent links of /proc. */
export function processTree(root: number): TreeProcess[] {
  const all: TreeProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOr(`/proc/${entry}/stat`);
    if (!stat) continue;
    const { name, rest } = statFields(stat);
    all.push({ pid: Number(entry), ppid: Number(rest[1]), name });
  }
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
  }
  return all.filter((p) => inTree.has(p.pid));
}

/** A process's CPU time (all its threads, user and system), in nanoseconds; 0 once it has ended. */
export function cpuNanoseconds(pid: number): number {
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let total = 0;
  let measured = false;
  for (const tid of tasks) {
    const line = readOr(`/proc/${pid}/task/${tid}/schedstat`);
    if (!line) continue;
    total += Number(line.split(' ')[0]);
    measured = true;
  }
  if (measured && total > 0) return total;
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const { rest } = statFields(stat);
  return (Number(rest[11]) + Number(rest[12])) * nanosecondsPerTick();
}
