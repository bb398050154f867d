import { describe, expect, it } from 'vitest';
import { bestContacts, economics, sumsAt, whatIf } from '../../shared/analysis/risk/economics';
import { economicsInputSchema } from '../../shared/analysis/risk/spec';
import type { CurvePoint } from '../../shared/analysis/risk/compute';

/** Accounts with (p, value), in call order, as the SQL curve would list them (every rank). */
function curveOf(accounts: [number, number][]): CurvePoint[] {
  let cumLoss = 0, cumP = 0, cumValue = 0;
  return accounts.map(([p, v], i) => {
    cumLoss += p * v;
    cumP += p;
    cumValue += v;
    return { rank: i + 1, cumLoss, cumP, cumValue };
  });
}

// Expected losses 400, 300, 200, 100 (total 1000); 2.0 expected churners in all.
const accounts: [number, number][] = [[0.8, 500], [0.6, 500], [0.4, 500], [0.2, 500]];
const curve = curveOf(accounts);
const input = economicsInputSchema.parse({ acquisitionCost: 400, actionCost: 50, saveRate: 0.25, contacts: 2 });

describe('retention economics', () => {
  it('defaults the user changes', () => {
    expect(economicsInputSchema.parse({})).toEqual({ acquisitionCost: 500, actionCost: 50, saveRate: 0.25, contacts: 100 });
    expect(economicsInputSchema.safeParse({ saveRate: 1.5 }).success).toBe(false);
    expect(economicsInputSchema.safeParse({ actionCost: -1 }).success).toBe(false);
  });

  it('top N: value saved, cost, net return, break-even save rate, acquisition equivalent', () => {
    const e = economics(input, curve, 500);
    expect(e.contacts).toBe(2);
    expect(e.expectedLoss).toBe(700);
    expect(e.expectedChurners).toBeCloseTo(1.4, 12);
    expect(e.value).toBe(1000);
    expect(e.valueSaved).toBe(175);
    expect(e.customersSaved).toBeCloseTo(0.35, 12);
    expect(e.cost).toBe(100);
    expect(e.netReturn).toBe(75);
    expect(e.roi).toBe(0.75);
    // The action pays for itself once it saves 100 / 700 of the expected loss.
    expect(e.breakEvenSaveRate).toBeCloseTo(100 / 700, 15);
    // 175 of value = 0.35 average new customers at 400 each.
    expect(e.newCustomersNeeded).toBeCloseTo(0.35, 12);
    expect(e.acquisitionCost).toBeCloseTo(140, 10);
    expect(e.costRatio).toBeCloseTo(100 / 140, 12);
  });

  it('N beyond the list is capped; N = 0 costs and saves nothing', () => {
    expect(economics(input, curve, 500, 99).contacts).toBe(4);
    expect(economics(input, curve, 500, 99).expectedLoss).toBe(1000);
    const none = economics(input, curve, 500, 0);
    expect([none.cost, none.valueSaved, none.netReturn, none.roi, none.breakEvenSaveRate]).toEqual([0, 0, 0, null, null]);
  });

  it('a break-even save rate above 100% means the action can never pay', () => {
    const cheap = curveOf([[0.01, 100], [0.01, 100]]);
    // Two calls cost 100 against an expected loss of 2: the action would have to save 50 times what is at risk.
    expect(economics({ ...input, actionCost: 50 }, cheap, 100, 2).breakEvenSaveRate).toBe(50);
  });

  it('between the bins of a long list, sums are interpolated linearly; at a listed rank they are exact', () => {
    const sparse: CurvePoint[] = [{ rank: 10, cumLoss: 100, cumP: 1, cumValue: 1000 }, { rank: 20, cumLoss: 150, cumP: 1.5, cumValue: 2000 }];
    expect(sumsAt(sparse, 10)).toEqual({ loss: 100, p: 1, value: 1000 });
    expect(sumsAt(sparse, 15)).toEqual({ loss: 125, p: 1.25, value: 1500 });
    expect(sumsAt(sparse, 5)).toEqual({ loss: 50, p: 0.5, value: 500 });
    expect(sumsAt(sparse, 30)).toEqual({ loss: 150, p: 1.5, value: 2000 });
  });

  it('what-if over N: starts at 0, ends at the whole list, net = saved − cost', () => {
    const pts = whatIf(input, curve, 4);
    expect(pts.map((p) => p.contacts)).toEqual([0, 1, 2, 3, 4]);
    for (const p of pts) expect(p.netReturn).toBeCloseTo(p.valueSaved - p.cost, 12);
    expect(pts[4]).toEqual({ contacts: 4, valueSaved: 250, cost: 200, netReturn: 50 });
  });

  it('the best N stops where one more call saves less than it costs', () => {
    // Marginal savings 100, 75, 50, 25 against 50 per call: calls 1–2 gain, the third breaks even, the fourth loses.
    expect(bestContacts(input, curve)).toEqual({ contacts: 2, netReturn: 75 });
    expect(bestContacts({ ...input, actionCost: 500 }, curve)).toEqual({ contacts: 0, netReturn: 0 });
  });
});
