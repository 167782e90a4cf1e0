// Main insurance flow in the real UI: a county caseworker opens an insured employer, imports
// the monthly declaration from Excel, sees the month with what is owed, opens the person's
// record with the contributions by type, and every insurance page renders without error.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from '../server/src/platform/imports/exceljs';
import { makeResidentId, makeUscc } from '../server/src/platform/validate';
import { apiCall, launch, screenshotOnFailure, signIn } from './browser';

const base = inject('baseUrl');
const users = inject('users');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const lastMonth = (() => {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
})();

describe('insurance in the browser', () => {
  it('a caseworker imports a declaration for an insured employer and reads the person’s record', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await screenshotOnFailure(page, 'insurance-declaration', async () => {
      await signIn(page, 'e2e_tunchang', users.e2e_tunchang);
      await page.getByTestId('side-menu').waitFor();
      const idNumber = makeResidentId('469022', '1985-06-15', 71);
      const person = await apiCall(page, 'POST', '/registry/persons', { idNumber, name: '参保测试甲', hukouType: 'urban', regionCode: '469022100' });
      const uscc = makeUscc('91469022MA5TE2E01');
      const employer = await apiCall(page, 'POST', '/registry/employers', { uscc, name: '屯昌参保测试厂', industry: 'C', ownership: 'private', size: 'small', regionCode: '469022100' });
      await apiCall(page, 'POST', `/insurance/employers/${employer.id}/registration`, { types: ['enterprise_pension', 'unemployment', 'work_injury'], registeredOn: '2024-01-01' });
      await apiCall(page, 'POST', `/insurance/employers/${employer.id}/staff`, { personId: person.id, startDate: '2024-01-01' });

      await page.goto(`${base}/insurance/employers/${employer.id}`);
      await page.getByTestId('ins-employer').getByText('参保测试甲').first().waitFor();
      await page.getByRole('tab', { name: '月度申报' }).click();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('申报');
      ws.addRow(['统一社会信用代码', '费款所属期', '身份证号', '姓名', '险种', '缴费基数（元）']);
      ws.addRow([uscc, lastMonth, idNumber, '参保测试甲', '', '6000']);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      await page.locator('input[type=file]').setInputFiles({ name: 'declaration.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
      const job = page.getByTestId('ins-job-contributions');
      await job.getByText('导入完成').waitFor({ timeout: 60_000 });
      expect(await job.innerText()).toContain('新增 3');
      await page.getByText(lastMonth).first().waitFor();
      // 6,000 × (16% + 8%) + 6,000 × 1% + 6,000 × 0.2% (class 1) = 1,512.00 due, nothing paid yet.
      await page.getByText('1,512.00').first().waitFor();

      await page.goto(`${base}/insurance/persons/${person.id}`);
      const record = page.getByTestId('ins-person-record');
      await record.getByText('企业职工基本养老保险').first().waitFor();
      await record.getByText('缴费月数').first().waitFor();
      expect(await record.innerText()).toContain('1,440.00'); // enterprise pension arrears for the month
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every insurance page a caseworker may open renders', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await screenshotOnFailure(page, 'insurance-pages', async () => {
      await signIn(page, 'e2e_tunchang', users.e2e_tunchang);
      await page.getByTestId('side-menu').waitFor();
      for (const [path, text] of [
        ['/insurance/persons', '个人参保记录'],
        ['/insurance/employers', '参保单位'],
        ['/insurance/enrolments', '参保登记'],
        ['/insurance/benefits', '待遇核定与发放'],
        ['/insurance/stops', '停发、追回与认证'],
        ['/insurance/transfers', '转移接续'],
        ['/insurance/coverage', '全民参保'],
      ]) {
        await page.goto(`${base}${path}`);
        await page.getByText(text).first().waitFor();
        await page.waitForLoadState('networkidle');
      }
      // The stop events are a list like any other: a search box, paging and an export.
      await page.goto(`${base}/insurance/stops`);
      const events = page.getByTestId('table-insurance-life-events');
      await events.waitFor();
      expect(await events.getByText('导出').count()).toBeGreaterThan(0);
      await page.getByPlaceholder(/姓名或身份证号/).or(page.getByLabel('姓名或身份证号')).first().fill('无此人');
      const searched = page.waitForResponse((r) => r.url().includes('/insurance/life-events?') && decodeURIComponent(r.url()).includes('q=无此人'));
      await page.keyboard.press('Enter');
      expect((await (await searched).json()).total).toBe(0);
      await events.locator('.ant-empty-description').first().waitFor();
      expect(await events.locator('.ant-table-row').count()).toBe(0);
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
