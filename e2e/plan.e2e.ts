// Plan monitoring in the real UI. The approval chain of a reported figure: a district of 海口
// (美兰) enters 城镇调查失业率 for 2024 and submits; 海口 sends it back with a reason the district
// sees; the district resubmits, 海口 reviews, the province approves; the figure is then locked
// (the edit is refused with the reason); a correction opens revision 2 with who, when and why,
// and shows as a change since the published bulletin. Then: the plan table renders as
// printed, the drill-down shows the district's figure, targets break down with the sum
// check, a milestone is overridden and reset, and a bad Excel plan table writes nothing.
// Last, computed figures: a plan uploaded as YAML over registry records rolls up as a ratio
// of sums, drills down to a county and its records, and a county user sees only its own.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from '../server/src/platform/imports/exceljs';
import { makeResidentId } from '../server/src/platform/validate';
import { apiFetch, launch, screenshotOnFailure, signIn as signInForm } from './browser';

const base = inject('baseUrl');
const users = inject('users');
const PLAN = 'hainan-hrss-14';
const YEAR = 2024;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function signIn(username: string): Promise<Page> {
  const page = await browser.newPage();
  await signInForm(page, username, users[username]);
  await page.getByTestId('side-menu').waitFor();
  return page;
}


/** Runs one user's steps in the browser; no page error may happen on the way. */
async function as(username: string, name: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const page = await signIn(username);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await screenshotOnFailure(page, `plan-${name}`, () => steps(page));
  expect(errors).toEqual([]);
  await page.close();
}

const valuesPage = `${base}/plans/values?plan=${PLAN}&year=${YEAR}&region=460108`;
const okButton = (page: Page) => page.locator('.ant-modal-footer .ant-btn-primary:visible');

describe('a reported figure from the district to the province, in the browser', () => {
  it('the district enters 14-02 and submits', async () => {
    await as('e2e_meilan', 'enter', async (page) => {
      await page.goto(valuesPage);
      await page.getByTestId('value-input-14-02').fill('5.1');
      await page.getByTestId('values-save').click();
      await page.getByText('已保存').first().waitFor();
      await page.getByTestId('values-submit-all').click();
      await page.getByText('已报送 1 项').first().waitFor();
      await page.getByTestId('values-form').getByText('已报送').first().waitFor();
    });
  });

  it('海口 sends it back with a reason, which the district sees; the district resubmits', async () => {
    await as('e2e_haikou', 'return', async (page) => {
      await page.goto(`${base}/plans/inbox`);
      const row = page.getByTestId('inbox-table').locator('tr', { hasText: '城镇调查失业率' });
      await row.locator('[data-testid^="inbox-return-"]').click();
      await page.getByTestId('return-reason').fill('请按统计局季度数据核对');
      await okButton(page).click();
      await page.getByText('已完成').first().waitFor();
    });
    await as('e2e_meilan', 'resubmit', async (page) => {
      await page.goto(valuesPage);
      await page.getByText('退回原因：请按统计局季度数据核对').waitFor();
      await page.getByTestId('value-input-14-02').fill('5');
      await page.getByTestId('values-save').click();
      await page.getByText('已保存').first().waitFor();
      await page.getByTestId('values-submit-all').click();
      await page.getByText('已报送 1 项').first().waitFor();
    });
  });

  it('海口 reviews, the province approves; the figure is locked and an edit is refused with the reason', async () => {
    await as('e2e_haikou', 'review', async (page) => {
      await page.goto(`${base}/plans/inbox`);
      await page.getByTestId('inbox-table').locator('tr', { hasText: '城镇调查失业率' }).locator('[data-testid^="inbox-review-"]').click();
      await page.getByText('已完成').first().waitFor();
    });
    await as('e2e_prov', 'approve', async (page) => {
      await page.goto(`${base}/plans/inbox`);
      const row = page.getByTestId('inbox-table').locator('tr', { hasText: '美兰区' });
      await row.locator('[data-testid^="inbox-approve-"]').click();
      await page.getByText('已完成').first().waitFor();
      // The province publishes the 2024 bulletin now; the correction below comes after it.
      const published = await apiFetch(page, 'POST', `/plans/${PLAN}/snapshots`, { kind: 'annual', year: YEAR });
      expect(published.status).toBe(201);
    });
    await as('e2e_meilan', 'locked', async (page) => {
      await page.goto(valuesPage);
      await page.getByTestId('value-locked-14-02').waitFor();
      expect(await page.getByTestId('value-input-14-02').count()).toBe(0);
      const refused = await apiFetch(page, 'PUT', `/plans/${PLAN}/values`, { regionCode: '460108', year: YEAR, values: [{ indicatorCode: '14-02', value: 4.8 }] });
      expect(refused.status).toBe(409);
      expect(refused.body.message.zh).toContain('已审定的数据已锁定，不能修改');
    });
  });

  it('a correction opens revision 2 with who, when and why, and goes through approval again', async () => {
    await as('e2e_meilan', 'correct', async (page) => {
      await page.goto(valuesPage);
      await page.getByTestId('value-correct-14-02').click();
      const modal = page.locator('.ant-modal:visible');
      await modal.locator('input').first().fill('4.9');
      await modal.locator('textarea').fill('统计局发布修订数');
      await okButton(page).click();
      await page.getByText('已完成').first().waitFor();
      await page.getByTestId('values-submit-all').click();
      await page.getByText('已报送 1 项').first().waitFor();
    });
    await as('e2e_haikou', 'review-correction', async (page) => {
      await page.goto(`${base}/plans/inbox`);
      await page.getByTestId('inbox-table').locator('tr', { hasText: '城镇调查失业率' }).locator('[data-testid^="inbox-review-"]').click();
      await page.getByText('已完成').first().waitFor();
    });
    await as('e2e_prov', 'approve-correction', async (page) => {
      await page.goto(`${base}/plans/inbox`);
      await page.getByTestId('inbox-table').locator('tr', { hasText: '美兰区' }).locator('[data-testid^="inbox-approve-"]').click();
      await page.getByText('已完成').first().waitFor();
    });
    await as('e2e_meilan', 'history', async (page) => {
      await page.goto(valuesPage);
      const row = page.getByTestId('values-form').locator('tr', { hasText: '城镇调查失业率' });
      await row.getByText('4.9').first().click();
      const drawer = page.locator('.ant-drawer:visible');
      await drawer.getByText('修订版本 2').waitFor();
      const text = await drawer.innerText();
      expect(text).toContain('原因: 统计局发布修订数');
      expect(text).toContain('e2e_meilan'); // who corrected
      expect(text).toContain('e2e_prov'); // who approved
      expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/); // when
    });
  });

  it('the snapshot page shows the correction as a change since the bulletin: region, year, old → new, reason', async () => {
    await as('e2e_prov', 'snapshot-diff', async (page) => {
      await page.goto(`${base}/plans/snapshots?plan=${PLAN}`);
      const table = page.getByTestId('snapshot-revisions');
      await table.waitFor();
      const row = table.locator('tr', { hasText: '美兰区' });
      const text = await row.innerText();
      expect(text).toContain('14-02 城镇调查失业率');
      expect(text).toContain(String(YEAR));
      expect(text).toMatch(/5\s*→\s*4\.9%/);
      expect(text).toContain('统计局发布修订数');
    });
  });
});

describe('plan pages as printed, drill-down, targets, milestones, Excel import', () => {
  it('the plan table renders as printed: headers, group rows, brackets, "—" and the note', async () => {
    await as('e2e_prov', 'table', async (page) => {
      await page.goto(`${base}/plans/table?plan=${PLAN}&year=${YEAR}`);
      const table = page.getByTestId('plan-table');
      await table.getByText('1.城镇新增就业人数（万人）').waitFor();
      const text = await table.innerText();
      for (const s of ['指标', '2020年基数', '“十四五”规划目标', '属性', '一、促进就业', '五、公共服务', '[75]', '<5.5', '6.农民工参加职业培训人次（万人次）', '—', '约束性']) expect(text).toContain(s);
      await page.getByText(/^注：2020年基数中/).waitFor();
    });
  });

  it('the drill-down from the province to 海口 shows the district figure', async () => {
    await as('e2e_prov', 'drill', async (page) => {
      await page.goto(`${base}/plans/${PLAN}/indicators/14-02?year=${YEAR}`);
      await page.getByTestId('drill-460100').click();
      const table = page.getByTestId('regions-table');
      await table.locator('tr', { hasText: '美兰区' }).getByText('4.9').first().waitFor();
    });
  });

  it('the province breaks 14-01 down to 海口; the sum check says how far the breakdown has come', async () => {
    await as('e2e_prov', 'targets', async (page) => {
      await page.goto(`${base}/plans/targets?plan=${PLAN}&indicator=14-01`);
      await page.getByTestId('plan-target').getByText('[75]').waitFor();
      await page.getByTestId('target-edit-460100').click();
      await page.getByTestId('target-form-value').fill('20');
      await page.getByTestId('target-form-submit').click();
      await page.getByTestId('target-value-460100').getByText('[20]').waitFor();
      const check = page.getByTestId('target-check-460000');
      await check.waitFor();
      expect(await check.innerText()).toContain('已分解的目标合计 20万人（1/19 个地区），低于全省目标 75万人');
      // Client-side check: a negative count is a number but a percentage outside 0–100 is not.
      await page.goto(`${base}/plans/targets?plan=${PLAN}&indicator=14-07`);
      await page.getByTestId('target-edit-469021').click();
      await page.getByTestId('target-form-value').fill('120');
      await page.getByTestId('target-form-submit').click();
      await page.getByText('百分比须在 0 到 100 之间').waitFor();
    });
  });

  it('a milestone derived from the five-year sum is overridden with a reason, then reset', async () => {
    await as('e2e_prov', 'milestones', async (page) => {
      await page.goto(`${base}/plans/milestones?plan=${PLAN}&indicator=14-01`);
      await page.getByTestId('milestone-value-2024').getByText('60').waitFor(); // [75] × 4/5
      await page.getByTestId('milestone-edit-2024').click();
      await page.getByTestId('milestone-form-value').fill('55');
      await page.getByTestId('milestone-form-reason').fill('受台风影响，节点下调');
      await page.getByTestId('milestone-form-submit').click();
      await page.getByTestId('milestone-kind-2024').getByText('已调整').waitFor();
      expect(await page.getByTestId('milestones-table').locator('tr', { hasText: '受台风影响，节点下调' }).innerText()).toContain('60');
      await page.getByTestId('milestone-reset-2024').click();
      await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
      await page.getByTestId('milestone-kind-2024').getByText('推算').waitFor();
      await page.getByTestId('milestone-value-2024').getByText('60').waitFor();
    });
  });

  it('an Excel plan table with a bad row writes nothing and offers the error workbook', async () => {
    await as('e2e_prov', 'xlsx-import', async (page) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('主要指标');
      for (const r of [['专栏“十五五”主要指标'], ['指标', '2025年基数', '“十五五”规划目标', '属性'], ['一、促进就业'], ['1.城镇新增就业人数（万人）', '15', '约80', '预期性']]) ws.addRow(r);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      await page.goto(`${base}/plans?plan=${PLAN}`);
      await page.getByTestId('plan-import-xlsx').click();
      await page.locator('.ant-modal:visible input[type=file]').setInputFiles({ name: 'plan-15.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
      await page.getByTestId('plan-import-xlsx-id').fill('e2e-plan-15');
      await page.getByTestId('plan-import-xlsx-submit').click();
      await page.getByText('规划表有 1 行未通过校验，未写入任何数据').waitFor();
      await page.getByTestId('plan-import-xlsx-errors').waitFor();
      const list = await apiFetch(page, 'GET', '/plans');
      expect(list.body.map((p: { id: string }) => p.id)).not.toContain('e2e-plan-15');
    });
  });
});

describe('a computed figure from the records, in the browser', () => {
  const year = new Date().getFullYear();
  const planYaml = `
id: e2e-registry
title: 端到端测试规划
region: '460000'
period: { start: ${year}, end: ${year + 4} }
baseYear: ${year - 1}
source: { file: e2e }
notes: [注：测试用]
groups:
  - key: main
    name: 登记
    section: table
    indicators:
      - code: '15-01'
        row: 1
        name: 城镇户籍人员占比
        unitPrinted: ％
        unit: '%'
        baseline: { year: ${year - 1}, value: 40 }
        target: { printed: '60', value: 60, kind: rate, comparator: '>=' }
        attribute: 预期性
        source: registry.urbanHukouShare
`;

  it('a plan uploaded as YAML evaluates the records: ratio of sums, drill-down to the county and its records', async () => {
    await as('e2e_prov', 'computed', async (page) => {
      // 定安 gets 1 urban and 1 rural person, 屯昌 1 urban, beside whatever other browser tests
      // registered there. The expected figures come from the registry's own counts: the province
      // is the ratio of the sums, not the average of the counties' rates.
      for (const [region, seq, hukouType, name] of [['469021100', 11, 'urban', '定安城镇甲'], ['469021100', 13, 'rural', '定安农村乙'], ['469022100', 15, 'urban', '屯昌城镇丙']] as const) {
        const r = await apiFetch(page, 'POST', '/registry/persons', { idNumber: makeResidentId(region.slice(0, 6), '1990-03-01', seq), name, hukouType, regionCode: region });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      }
      const counted = async (regionCode?: string) => {
        const total = async (hukou?: string) => Number((await apiFetch(page, 'GET', `/registry/persons?pageSize=1${regionCode ? `&regionCode=${regionCode}` : ''}${hukou ? `&hukouType=${hukou}` : ''}`)).body.total);
        return { urban: await total('urban'), all: await total() };
      };
      const pct = (c: { urban: number; all: number }) => String(Number(((100 * c.urban) / c.all).toFixed(2)));
      const [province, dingan, tunchang] = [await counted(), await counted('469021'), await counted('469022')];
      const averageOfRates = (100 * (dingan.urban / dingan.all + tunchang.urban / tunchang.all)) / 2;
      expect(Math.abs(averageOfRates - (100 * province.urban) / province.all)).toBeGreaterThan(1);

      await page.goto(`${base}/plans`);
      await page.getByTestId('plan-manage').locator('input[type=file]').first().setInputFiles({ name: 'e2e-registry.yaml', mimeType: 'text/yaml', buffer: Buffer.from(planYaml) });
      await page.getByText('已导入规划 e2e-registry').waitFor();

      await page.goto(`${base}/plans/e2e-registry/indicators/15-01?year=${year}`);
      await page.getByTestId('indicator-value').getByText(`${pct(province)}%`).waitFor();
      const regions = page.getByTestId('regions-table');
      expect((await regions.locator('tr', { hasText: '定安县' }).innerText()).split('\t').slice(0, 2)).toEqual(['定安县', pct(dingan)]);
      expect((await regions.locator('tr', { hasText: '屯昌县' }).innerText()).split('\t').slice(0, 2)).toEqual(['屯昌县', pct(tunchang)]);
      await page.getByTestId('drill-469021').click();
      await page.getByTestId('indicator-value').getByText(`${pct(dingan)}%`).waitFor();
      await page.getByTestId('records-table').getByText('定安农村乙').waitFor();
      expect(await page.getByTestId('records-table').locator('tbody tr').count()).toBe(Math.min(dingan.all, 20));
    });
  });

  it('a county user sees its own county only: another county\'s figures and records are refused', async () => {
    await as('e2e_tunchang', 'computed-scope', async (page) => {
      await page.goto(`${base}/plans/e2e-registry/indicators/15-01?year=${year}&region=469022`);
      await page.getByTestId('indicator-value').waitFor();
      const records = await apiFetch(page, 'GET', `/plans/e2e-registry/indicators/15-01/records?year=${year}&regionCode=469021`);
      expect([records.status, records.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
      await page.goto(`${base}/plans/e2e-registry/indicators/15-01?year=${year}&region=469021`);
      await page.getByTestId('problem-alert').waitFor();
      expect(await page.getByText('定安农村乙').count()).toBe(0);
    });
  });
});
