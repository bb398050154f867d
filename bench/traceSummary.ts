/**
 * `npx tsx bench/traceSummary.ts FILE [--top 15]`: a Chromium trace written by
 * `npm run bench:browser -- --what chart --profile FILE`, summarised per phase (the bench's
 * `phase:*` marks) and per thread: busy milliseconds and the functions with the most self time.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Ev { name: string; ph: string; ts: number; pid: number; tid: number; id?: string; cat?: string; args?: { name?: string; data?: Record<string, unknown> } }
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; parent?: number }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '15' } } });
const raw = JSON.parse(readFileSync(positionals[0], 'utf8')) as { traceEvents: Ev[] } | Ev[];
const events = Array.isArray(raw) ? raw : raw.traceEvents;
const threads = new Map<string, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
const marks = events.filter((e) => e.name.startsWith('phase:') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b' || e.ph === 'e' || e.ph === 'X')).map((e) => ({ name: e.name.slice(6), ts: e.ts })).sort((a, b) => a.ts - b.ts);
const uniq = marks.filter((m, i) => marks.findIndex((x) => x.name === m.name) === i);
if (!uniq.length) throw new Error('no phase marks in the trace (run the bench with --timeline --profile)');

// Samples per profile: (timestamp µs, node) with the profile's thread.
const profiles = new Map<string, { thread: string; start: number; nodes: Map<number, Node>; samples: { ts: number; node: number }[]; last: number }>();
for (const e of events) {
  if (e.name === 'Profile' && e.id) profiles.set(`${e.pid}:${e.id}`, { thread: `${e.pid}:${e.tid}`, start: Number(e.args?.data?.startTime), nodes: new Map(), samples: [], last: Number(e.args?.data?.startTime) });
}
for (const e of events) {
  if (e.name !== 'ProfileChunk' || !e.id) continue;
  const p = profiles.get(`${e.pid}:${e.id}`);
  if (!p) continue;
  const d = e.args!.data as { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] };
  for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
  const samples = d.cpuProfile?.samples ?? [];
  const deltas = d.timeDeltas ?? [];
  samples.forEach((s, i) => {
    p.last += deltas[i] ?? 0;
    p.samples.push({ ts: p.last, node: s });
  });
}
const top = Number(values.top);
const bounds = [...uniq, { name: 'end', ts: Infinity }];
for (let k = 0; k + 1 < bounds.length; k++) {
  const from = bounds[k].ts;
  const to = bounds[k + 1].ts;
  console.log(`\n=== ${bounds[k].name} → ${bounds[k + 1].name}: ${to === Infinity ? '…' : ((to - from) / 1000).toFixed(0)} ms`);
  for (const p of profiles.values()) {
    const self = new Map<string, number>();
    let busy = 0;
    let prev: number | null = null;
    for (const s of p.samples) {
      const dt = prev === null ? 0 : s.ts - prev;
      prev = s.ts;
      if (s.ts < from || s.ts >= to) continue;
      const n = p.nodes.get(s.node);
      const fn = n?.callFrame.functionName || '(anonymous)';
      if (fn === '(idle)') continue;
      const key = `${fn} ${(n?.callFrame.url ?? '').split('/').pop()}:${n?.callFrame.lineNumber ?? ''}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      busy += dt;
    }
    if (busy < 5000) continue;
    console.log(`  thread ${threads.get(p.thread) ?? p.thread}: busy ${(busy / 1000).toFixed(0)} ms`);
    for (const [fn, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${(us / 1000).toFixed(1).padStart(8)} ms  ${fn}`);
  }
}
