import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU nanoseconds of every thread of a process so far (the first field of each thread's
 * /proc/<pid>/task/<tid>/schedstat), 0 where /proc cannot be read. For another process (the engine
 * process) what process.cpuUsage() is for this one.
 */
export function processCpuNs(pid: number): number {
  let ns = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // a thread that ended between the listing and the read
      }
    }
  } catch {
    return 0;
  }
  return ns;
}
