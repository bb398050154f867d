import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, SCREENSHOTS, waitForGrid, type Session } from './harness';

// The flow on the Telco workbook: Pareto classes of CLTV saved as a table → survival by Contract →
// value at risk with those classes (KM by Contract, h = 6, value CLTV: the golden value_at_risk) → brief → deck.
const TELCO = path.join(DATA, 'Telco_customer_churn.xlsx');
const CLASSES = 'telco_cltv_classes';
const EDITOR = '.editor-host:not([hidden])';
const HEADLINE = "1.23M of CLTV is expected to leave within 6 months: 6.7% of the active customers' value";

describe.skipIf(browserMissing)('Value at risk, the retention brief and the deck (web build in Chromium)', () => {
  let s: Session;
  const risk = () => s.page.locator(`${EDITOR} [data-testid="risk-editor"]`);
  const brief = () => s.page.locator(`${EDITOR} [data-testid="brief-editor"]`);

  async function palette(text: string, command: string) {
    await s.page.keyboard.press('Control+Shift+P');
    await s.page.locator('.quick-input input').fill(text);
    await s.page.locator(`.quick-input-item[data-command="${command}"]`).click();
  }

  async function exportDeck(name: string, query: string): Promise<JSZip> {
    const deck = s.page.locator(`${EDITOR} [data-testid="deck-editor"]`);
    await palette(query, 'deck.export');
    await expect.poll(() => deck.getAttribute('data-state'), { timeout: 120_000 }).toBe('ready');
    await expect(deck.locator('[data-testid="deck-brief"]').isChecked()).resolves.toBe(true);
    await s.screenshot(`${name}-dialog`);
    const download = s.page.waitForEvent('download', { timeout: 120_000 });
    await deck.locator('[data-testid="deck-export"]').click();
    const file = path.join(SCREENSHOTS, `${name}.pptx`);
    await (await download).saveAs(file);
    return JSZip.loadAsync(readFileSync(file));
  }

  beforeAll(async () => {
    s = await launch({ colorScheme: 'light', width: 1600, height: 1000 });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
  });

  it('opens the Telco workbook, saves the Pareto classes of CLTV, runs survival by Contract', async () => {
    const { page } = s;
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.welcome [data-command="file.open"]').click();
    await (await chooser).setFiles(TELCO);
    await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 90_000 }).toContain('7,043 rows');
    await palette('toggle panel', 'workbench.togglePanel');

    await palette('pareto', 'analysis.pareto');
    const pareto = page.locator(`${EDITOR} [data-testid="pareto-editor"]`);
    await pareto.locator('[data-testid="pareto-customer"]').selectOption('CustomerID');
    await pareto.locator('[data-testid="pareto-value"]').selectOption('CLTV');
    await pareto.locator('[data-testid="analysis-run"]').click();
    await expect.poll(() => pareto.locator('[data-testid="headline-text"]').textContent(), { timeout: 60_000 }).toContain('The top 20% of customers (1,409)');
    await pareto.locator('[data-testid="pareto-save-open"]').click();
    await pareto.locator('[data-testid="pareto-save-name"]').fill(CLASSES);
    await pareto.locator('[data-testid="pareto-save"]').click();
    await page.locator(`[data-table="${CLASSES}"]`).waitFor({ timeout: 30_000 });

    await palette('churn-time', 'analysis.survival');
    const sv = page.locator(`${EDITOR} [data-testid="survival-editor"]`);
    await sv.locator('[data-testid="sv-table"]').selectOption('Telco_customer_churn');
    await sv.locator('[data-testid="sv-duration"]').selectOption('Tenure Months');
    await sv.locator('[data-testid="sv-event"]').selectOption('Churn Value');
    // "1" is ticked by the churn-value guess.
    await expect.poll(() => sv.locator('[data-testid="sv-event-values"] label:has(.tn-an-check-name:text-is("1")) input').isChecked(), { timeout: 20_000 }).toBe(true);
    await sv.locator('[data-testid="sv-group"]').selectOption('Contract');
    await sv.locator('[data-testid="analysis-run"]').click();
    await sv.locator('[data-testid="km-card"]').waitFor({ timeout: 60_000 });
    expect(s.errors).toEqual([]);
  });

  it('value at risk with the saved classes: the golden totals, the call list, the charts', async () => {
    const { page } = s;
    await page.locator('[data-table="Telco_customer_churn"]').click();
    await palette('value at risk', 'analysis.risk');
    await risk().waitFor();
    // Guessed from the names: id, tenure, contract, the saved classes table.
    await expect(risk().locator('[data-testid="rk-customer"]').inputValue()).resolves.toBe('CustomerID');
    await expect(risk().locator('[data-testid="rk-tenure"]').inputValue()).resolves.toBe('Tenure Months');
    await expect(risk().locator('[data-testid="rk-segment"]').inputValue()).resolves.toBe('Contract');
    await expect(risk().locator('[data-testid="rk-classes-kind"]').inputValue()).resolves.toBe('table');
    await expect(risk().locator('[data-testid="rk-classes-table"]').inputValue()).resolves.toBe(CLASSES);
    await risk().locator('[data-testid="rk-event"]').selectOption('Churn Value');
    await expect.poll(() => risk().locator('[data-testid="rk-event-values"] label:has(.tn-an-check-name:text-is("1")) input').isChecked(), { timeout: 20_000 }).toBe(true);
    await risk().locator('[data-testid="rk-value"]').selectOption('CLTV');
    await risk().locator('[data-testid="analysis-run"]').click();
    await expect.poll(() => risk().locator('[data-testid="headline-text"]').textContent(), { timeout: 90_000 }).toBe(HEADLINE);
    // Golden value_at_risk: A 2811 scored, B 967, C 433; first account 9544-PYPSJ (expected loss 1,742.56).
    const classes = risk().locator('[data-testid="risk-classes"] tbody tr');
    await expect(classes.nth(0).textContent()).resolves.toMatch(/^A2,811952,022\.84/);
    await expect(classes.nth(1).textContent()).resolves.toMatch(/^B967205,945\.36/);
    await expect(classes.nth(2).textContent()).resolves.toMatch(/^C43368,238\.44/);
    const first = risk().locator('[data-testid="risk-call-list"] tbody tr').first();
    await expect(first.textContent()).resolves.toContain('9544-PYPSJ');
    await expect(first.textContent()).resolves.toContain('1,742.56');
    await expect(first.getAttribute('title')).resolves.toBe("This segment's churn risk peaks in months 66–68: call before month 66 (within 4 months)");
    await expect(risk().locator('[data-testid="risk-call-list"] tbody tr').count()).resolves.toBe(25);
    await page.waitForTimeout(400);
    await s.screenshot('risk-editor-en');
    for (const id of ['risk-by-class', 'risk-loss-pareto', 'risk-call-list']) {
      const card = risk().locator(`[data-testid="${id}"]`);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: path.join(SCREENSHOTS, `${id}-en.png`) });
    }
    expect(s.errors).toEqual([]);
  });

  it('a call-list row opens the customer record; the whole list opens in a grid and exports', async () => {
    const { page } = s;
    // The card exports the whole list (not only the rows shown), with the column titles and call-by sentences.
    const cardDownload = page.waitForEvent('download');
    await risk().locator('[data-testid="risk-call-list"] [data-testid="export-csv"]').click();
    const cardFile = path.join(SCREENSHOTS, 'risk-call-list-card.csv');
    await (await cardDownload).saveAs(cardFile);
    const cardLines = readFileSync(cardFile, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(cardLines[0]).toBe('#,Customer,Contract,Class,Tenure (months),Churn chance (6 months),CLTV,Expected loss,Riskiest period,Call by');
    expect(cardLines).toHaveLength(4211 + 1);
    expect(cardLines[1]).toMatch(/^1,9544-PYPSJ,Month-to-month,A,62,0\.2969603063291\d*,5868,1742\.563077539\d*,months 66–68,within 4 months$/);
    await risk().locator('[data-testid="risk-call-list"] tbody tr').first().click();
    const grid = page.locator(`${EDITOR} [data-testid="query-grid"]`);
    await grid.waitFor();
    await waitForGrid(grid);
    await expect(grid.textContent()).resolves.toContain('9544-PYPSJ');
    await expect(page.locator('.tab.active').textContent()).resolves.toContain('CustomerID 9544-PYPSJ');

    await page.locator('.tab[data-kind="risk"]').click();
    await risk().locator('[data-testid="risk-open-list"]').click();
    await grid.waitFor();
    await waitForGrid(grid);
    await s.screenshot('risk-call-list-grid');
    const download = page.waitForEvent('download');
    await grid.locator('[data-testid="export-csv"]').click();
    const file = path.join(SCREENSHOTS, 'risk-call-list.csv');
    await (await download).saveAs(file);
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('rank,customer,segment,class,tenure,p_churn,value,expected_loss,peak_from,peak_to,peak_rate,call_by,call_within');
    expect(lines).toHaveLength(4211 + 1);
    expect(lines[1].startsWith('1,9544-PYPSJ,Month-to-month,A,62,')).toBe(true);
  });

  it('saves the call list as a table and the economics follow the inputs', async () => {
    const { page } = s;
    await page.locator('.tab[data-kind="risk"]').click();
    await risk().locator('[data-testid="risk-save-open"]').click();
    await risk().locator('[data-testid="risk-save"]').click();
    await page.locator('[data-table="Telco_customer_churn_call_list"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-table="Telco_customer_churn_call_list"] [data-testid="table-rows"]').textContent()).resolves.toBe('4,211');

    const out = risk().locator('[data-testid="risk-economics-out"]');
    await out.scrollIntoViewIfNeeded();
    // Defaults: top 100, 50 per contact, 25% kept → saves 26,734.66 for 5,000.
    await expect(out.textContent()).resolves.toContain('26,734.66');
    await risk().locator('[data-testid="rk-save-rate"]').fill('30');
    await expect.poll(() => out.textContent()).toContain('32,081.6');
    await risk().locator('[data-testid="rk-best"]').click();
    await expect.poll(() => risk().locator('[data-testid="rk-contacts"]').inputValue()).not.toBe('100');
    await page.waitForTimeout(300);
    await risk().locator('[data-testid="risk-economics"]').screenshot({ path: path.join(SCREENSHOTS, 'risk-economics-en.png') });
    await risk().locator('[data-testid="risk-whatif"]').screenshot({ path: path.join(SCREENSHOTS, 'risk-whatif-en.png') });
    // Back to 100 calls for the brief.
    await risk().locator('[data-testid="rk-contacts"]').fill('100');
    await risk().locator('[data-testid="rk-save-rate"]').fill('25');
  });

  it('the brief: plain sentences per topic, each linked to its analysis and its SQL; missing analyses suggested', async () => {
    const { page } = s;
    await palette('retention brief', 'brief.open');
    await expect.poll(() => brief().getAttribute('data-state'), { timeout: 120_000 }).toBe('ready');
    const topics = brief().locator('[data-testid="brief-section"]');
    await expect(topics.evaluateAll((els) => els.map((e) => e.getAttribute('data-topic')))).resolves.toEqual(['profit', 'when', 'risk', 'action']);
    const text = (await brief().textContent()) ?? '';
    expect(text).toContain('Half of Month-to-month customers are gone by month 35');
    expect(text).toContain(`${HEADLINE}.`);
    expect(text).toContain('77.6% of it sits with A-class customers and 79.4% with Month-to-month customers.');
    expect(text).toContain('Call the top 100 accounts of the call list: together they hold 8.7% of the value at risk (107K).');
    await expect(brief().locator('[data-testid="brief-suggestions"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).resolves.toEqual(['quadrant', 'reasons', 'cox']);
    await expect(brief().locator('[data-testid="brief-calls"] tbody tr').count()).resolves.toBe(10);
    await page.waitForTimeout(200);
    await s.screenshot('brief-en');

    // "Show SQL" from a value-at-risk sentence opens its statements in a SQL editor.
    await brief().locator('[data-testid="brief-sentence"][data-kind="risk"] [data-testid="brief-sql"]').first().click();
    await expect.poll(() => page.locator('.tab.active').getAttribute('data-kind')).toBe('sql');
    await expect.poll(() => page.locator(`${EDITOR} .cm-content`).textContent()).toContain('CREATE TEMP TABLE');
    // The link goes back to the analysis that made the sentence.
    await page.locator('.tab[data-kind="brief"]').click();
    await brief().locator('[data-testid="brief-sentence"][data-kind="pareto"] [data-testid="brief-open"]').first().click();
    await expect.poll(() => page.locator('.tab.active').getAttribute('data-kind')).toBe('pareto');
    expect(s.errors).toEqual([]);
  });

  it('the deck starts with the brief: title, two brief slides, the call list top 10 as a native table', async () => {
    const zip = await exportDeck('risk-deck-en', 'export deck');
    const slide = async (n: number) => zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
    expect(await slide(2)).toContain('Retention brief: who makes the profit, when and why customers leave');
    expect(await slide(3)).toContain('Call the top 100 accounts of the call list');
    expect(await slide(4)).toContain('Call first: the 10 accounts with the largest expected loss');
    expect(await slide(4)).toContain('<a:tbl>');
    expect(await slide(4)).toContain('9544-PYPSJ');
    // Then the charts of the open editors (Pareto, survival, value at risk).
    const all = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(all.some((x) => x.includes('A-class customers hold 77.6% of the value at risk'))).toBe(true);
    expect(s.errors).toEqual([]);
  });

  it('speaks Chinese: the value-at-risk editor, the brief and the deck', async () => {
    const { page } = s;
    await palette('简体中文', 'language.zh-CN');
    await page.locator('.tab[data-kind="risk"]').click();
    await expect.poll(() => risk().locator('[data-testid="headline-text"]').textContent()).toBe('未来 6 个月内预计流失的 CLTV 为 123万，占在网客户价值的 6.7%');
    await risk().locator('[data-testid="headline"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await s.screenshot('risk-editor-zh');
    await risk().locator('[data-testid="risk-call-list"]').scrollIntoViewIfNeeded();
    await risk().locator('[data-testid="risk-call-list"]').screenshot({ path: path.join(SCREENSHOTS, 'risk-call-list-zh.png') });

    await page.locator('.tab[data-kind="brief"]').click();
    await brief().locator('[data-testid="brief-reload"]').click();
    await expect.poll(() => brief().getAttribute('data-state'), { timeout: 120_000 }).toBe('ready');
    await expect.poll(() => brief().locator('h2').textContent()).toBe('客户保留简报');
    const text = (await brief().textContent()) ?? '';
    expect(text).toContain('Month-to-month 客户有一半在第 35 个月前流失');
    expect(text).toContain('其中 77.6% 来自 A 类客户，79.4% 来自 Month-to-month 客户。');
    expect(text).toContain('添加驱动因素调查（四象限分析），了解客户留下或离开的原因。');
    await page.waitForTimeout(200);
    await s.screenshot('brief-zh');

    const zip = await exportDeck('risk-deck-zh', '导出');
    expect(await zip.file('ppt/slides/slide2.xml')!.async('string')).toContain('客户保留简报：谁贡献利润，客户何时、为何流失');
    expect(await zip.file('ppt/slides/slide4.xml')!.async('string')).toContain('优先联系：预期损失最高的 10 位客户');
    expect(s.errors).toEqual([]);
  });
});
