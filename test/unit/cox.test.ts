import { describe, expect, it } from 'vitest';
import { fitCoxModel, predictProfile, type CovariateColumn, type CoxInput } from '../../shared/analysis/cox/model';
import { concordance } from '../../shared/analysis/cox/concordance';
import { TenureError } from '../../shared/errors';

// A small data set with tied event and censoring times; reference numbers from R 4 / survival 3.5-3:
//   coxph(Surv(time, status) ~ g + x, ties = "efron" | "breslow"), cox.zph(fit, terms = TRUE),
//   summary(survfit(fit, newdata = data.frame(g = "b", x = 1)), times = c(0, 1, 3, 6, 10), extend = TRUE)
const time = [1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 5, 5, 6, 6, 6, 7, 8, 8, 9, 10];
const status = [1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0];
const g = ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b'];
const x = [0.5, 1.2, -0.3, 2.1, 0.7, -1.1, 0.4, 1.9, 0.2, -0.8, 1.5, 0.3, -0.2, 0.9, 1.1, -1.4, 0.6, 0.1, 1.3, -0.5];

const R = {
  efron: {
    coef: [-0.96226100118161806, -0.58912723366398878, 0.15665610912671357],
    se: [0.69472572379318698, 0.70218611327619451, 0.29984227416332609],
    loglik: [-29.10015299559714919, -27.93194112961040076],
    lr: 2.33642373197349684,
    wald: 2.2840793332121936,
    score: 2.41497136880530272,
    c: [0.62992125984251968, 0.11995436237227328],
    zph: [2.3442499062688511, 2.22132048254857217, 4.7274734173269799],
    surv: [1, 0.93590321005549659, 0.78001054940918180, 0.57438164657699609, 0.31836448925099048],
  },
  breslow: {
    coef: [-0.96460966603719411, -0.56266354898923587, 0.15454630205153158],
    se: [0.69540584513687276, 0.70220541487457011, 0.30173036671497616],
    loglik: [-29.49707139773684972, -28.34440168059981602],
    lr: 2.3053394342740674,
    wald: 2.2410676093637698,
    score: 2.36957130356456824,
    c: [0.63779527559055116, 0.11865712603125829],
    zph: [2.35336416101435209, 2.20769468174000494, 4.67521724018088847],
    surv: [1, 0.93824003130737055, 0.79151168493343238, 0.59171832594014806, 0.32898095403708838],
  },
};

function input(ties: 'efron' | 'breslow', over: Partial<{ status: number[]; g: string[]; x: number[] }> = {}): CoxInput {
  const st = over.status ?? status;
  const gg = over.g ?? g;
  const levels = [...new Set(gg)].sort();
  const covariates: CovariateColumn[] = [
    { column: 'g', kind: 'factor', levels, reference: levels[0], codes: Int32Array.from(gg.map((v) => levels.indexOf(v))) },
    { column: 'x', kind: 'number', values: Float64Array.from(over.x ?? x) },
  ];
  return { time: Float64Array.from(time), status: Uint8Array.from(st), covariates, ties };
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('Cox fit vs R on tied times', () => {
  for (const ties of ['efron', 'breslow'] as const) {
    it(ties, () => {
      const m = fitCoxModel(input(ties));
      const r = R[ties];
      expect(m.coefficients.map((c) => c.term)).toEqual(['gb', 'gc', 'x']);
      m.coefficients.forEach((c, k) => {
        expect(rel(c.coef, r.coef[k])).toBeLessThan(1e-6);
        expect(rel(c.se, r.se[k])).toBeLessThan(1e-6);
      });
      expect(rel(m.loglikNull, r.loglik[0])).toBeLessThan(1e-9);
      expect(rel(m.loglik, r.loglik[1])).toBeLessThan(1e-9);
      expect(rel(m.likelihoodRatio.chisq, r.lr)).toBeLessThan(1e-6);
      expect(rel(m.wald.chisq, r.wald)).toBeLessThan(1e-6);
      expect(rel(m.score.chisq, r.score)).toBeLessThan(1e-6);
      expect(rel(m.concordance.c, r.c[0])).toBeLessThan(1e-9);
      expect(rel(m.concordance.se, r.c[1])).toBeLessThan(1e-6);
      expect(m.phTest.map((t) => [t.term, t.df])).toEqual([['g', 2], ['x', 1], ['GLOBAL', 3]]);
      m.phTest.forEach((t, k) => expect(rel(t.chisq, r.zph[k])).toBeLessThan(1e-6));
      predictProfile(m, { g: 'b', x: 1 }, [0, 1, 3, 6, 10]).forEach((s, k) => expect(rel(s, r.surv[k])).toBeLessThan(1e-6));
    });
  }
});

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TenureError);
    return `${(e as TenureError).code}:${(e as TenureError).column}`;
  }
  return 'no error';
}

describe('Cox edge cases: a clear message naming the column, never NaN', () => {
  it('a text column with one value', () => expect(code(() => fitCoxModel(input('efron', { g: g.map(() => 'a') })))).toBe('cox.oneLevel:g'));
  it('a constant number', () => expect(code(() => fitCoxModel(input('efron', { x: x.map(() => 3) })))).toBe('cox.oneLevel:x'));
  it('all censored', () => expect(code(() => fitCoxModel(input('efron', { status: status.map(() => 0) })))).toBe('cox.noEvents:undefined'));
  it('a number that is a copy of a dummy (singular design)', () => {
    const inp = input('efron');
    inp.covariates.push({ column: 'twin', kind: 'number', values: Float64Array.from(g.map((v) => (v === 'c' ? 2 : 0))) });
    expect(code(() => fitCoxModel(inp))).toBe('cox.singular:twin');
  });
  it('perfect separation: every churner has x above every stayer', () => {
    const sx = status.map((s, i) => (s ? 5 + i * 0.1 : -5 - i * 0.1));
    // order by time matters: make x decrease with time among events so higher x always fails first
    const sep = time.map((t, i) => (status[i] ? 100 - t * 10 : sx[i]));
    expect(code(() => fitCoxModel(input('efron', { x: sep })))).toBe('cox.separation:x');
  });
  it('a reference value the column does not have', () => {
    const inp = input('efron');
    (inp.covariates[0] as { reference: string }).reference = 'zzz';
    expect(code(() => fitCoxModel(inp))).toBe('cox.badReference:g');
  });
  it('a profile value that is not one of the values', () => {
    const m = fitCoxModel(input('efron'));
    expect(code(() => predictProfile(m, { g: 'q', x: 1 }, [1]))).toBe('cox.profileValue:g');
    expect(code(() => predictProfile(m, { g: 'a' }, [1]))).toBe('cox.profileMissing:x');
  });
});

describe('concordance', () => {
  it('counts pairs as R does: censored at an event time counts as longer, tied event times not comparable', () => {
    // times 1(e) 1(c) 2(e) 2(e) 3(c); risk 3 2 2 1 0
    const c = concordance(Float64Array.from([1, 1, 2, 2, 3]), Uint8Array.from([1, 0, 1, 1, 0]), Float64Array.from([3, 2, 2, 1, 0]));
    // event@1 (risk 3) vs 1c, 2e, 2e, 3c: all concordant (4). event@2 (2) vs 3c: conc; event@2 (1) vs 3c: conc.
    expect([c.concordant, c.discordant, c.tiedRisk]).toEqual([6, 0, 0]);
    expect(c.c).toBe(1);
  });
});

describe('the risk editor offers the Cox model', () => {
  it('a Cox choice becomes the spec’s model; without covariates it is a problem', async () => {
    const { guessRiskForm, riskProblems, riskSpecOf } = await import('../../renderer/editors/risk/riskForm');
    const f = { ...guessRiskForm('t', []), customer: 'id', duration: 'months', event: 'churn', eventValues: ['Yes'], valueColumn: 'v', classesKind: 'none' as const };
    expect(riskSpecOf(f).model).toBeUndefined();
    expect(riskProblems({ ...f, modelKind: 'cox' }).map((p) => p.field)).toEqual(['coxCovariates']);
    expect(riskSpecOf({ ...f, modelKind: 'cox', coxCovariates: ['Contract', 'MonthlyCharges'] }).model).toEqual({ kind: 'cox', spec: { covariates: ['Contract', 'MonthlyCharges'] } });
  });
});

describe('the Cox banner note', () => {
  it('gives the model figures and the PH warning without repeating the finding; Chinese joins with 、 and after 。', async () => {
    const { coxModelNote } = await import('../../shared/analysis/cox/text');
    const { createI18n } = await import('../../shared/i18n/i18n');
    const r = { model: { concordance: { c: 0.8281 }, n: 7043, events: 1869, phTest: [{ term: 'Contract', p: 0.001 }, { term: 'Internet Service', p: 0.01 }, { term: 'GLOBAL', p: 0.001 }] } } as unknown as Parameters<typeof coxModelNote>[0];
    const en = coxModelNote(r, createI18n('en').t);
    expect(en).toMatch(/^Cox model on 7,043 customers, 1,869 churned; concordance 0\.828\. The proportional-hazards assumption fails for Contract, Internet Service /);
    const zh = coxModelNote(r, createI18n('zh-CN').t);
    expect(zh).toMatch(/^Cox 模型：7,043 位客户，1,869 位流失；一致性指数 0\.828。Contract、Internet Service 不满足/);
  });
});
