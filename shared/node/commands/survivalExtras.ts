import type { SurvivalResult } from '../../analysis/survival/compute';

/**
 * The survival command's optional blocks: pairwise log-rank, RMST (each when asked for), cumulative
 * incidence (with a cause) and the quantile bands (with --bands), in the shapes the README documents.
 */
export function survivalExtras(r: SurvivalResult, asked: { pairwise: boolean; rmst: boolean }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (asked.pairwise) {
    out.pairwise = (r.pairwise?.rows ?? []).map((x) => ({ a: x.a, b: x.b, chisq: x.chisq, p: x.p, pAdjusted: x.pAdjusted }));
    out.pairwiseAdjust = r.pairwise?.adjust ?? r.spec.pairwise ?? 'holm';
  }
  if (asked.rmst && r.rmst) {
    out.rmst = {
      tau: r.rmst.tau,
      groups: r.rmst.groups.map((g) => ({ name: g.name, rmst: g.rmst, se: g.se })),
      differences: r.rmst.differences.map((d) => ({ a: d.a, b: d.b, difference: d.difference, se: d.se, lower: d.lower, upper: d.upper, p: d.p })),
    };
  }
  if (r.incidence) {
    out.incidence = {
      times: r.incidence.times,
      causes: r.incidence.causes.map((c) => ({ cause: c.cause, events: c.events, incidence: c.incidence, stdErr: c.stdErr, lower: c.lower, upper: c.upper })),
    };
  }
  if (r.bands) out.bands = { column: r.bands.column, edges: r.bands.edges, labels: r.bands.labels };
  return out;
}
