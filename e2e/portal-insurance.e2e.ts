// A citizen on the portal, in the real UI: a county caseworker checks the ID card and issues an
// activation code from the person's registry page; the citizen activates the account on the
// portal, reads their own contributions and downloads the certificate; the staff console is
// closed to them.
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

const monthsAgo = (n: number) => {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};

describe('the citizen portal in the browser', () => {
  it('a caseworker issues a code, the citizen activates, reads their contributions and downloads the certificate', async () => {
    const staff = await browser.newPage();
    const errors: string[] = [];
    staff.on('pageerror', (e) => errors.push(e.message));
    const idNumber = makeResidentId('469022', '1979-09-19', 87);
    const password = 'Citizen#2026';
    let code = '';
    await screenshotOnFailure(staff, 'portal-issue', async () => {
      await signIn(staff, 'e2e_tunchang', users.e2e_tunchang);
      await staff.getByTestId('side-menu').waitFor();
      const person = await apiCall(staff, 'POST', '/registry/persons', { idNumber, name: '门户测试乙', hukouType: 'urban', regionCode: '469022100' });
      const uscc = makeUscc('91469022MA5TE2E02');
      const employer = await apiCall(staff, 'POST', '/registry/employers', { uscc, name: '屯昌门户测试厂', industry: 'C', ownership: 'private', size: 'small', regionCode: '469022100' });
      await apiCall(staff, 'POST', `/insurance/employers/${employer.id}/registration`, { types: ['enterprise_pension', 'unemployment', 'work_injury'], registeredOn: '2024-01-01' });
      await apiCall(staff, 'POST', `/insurance/employers/${employer.id}/staff`, { personId: person.id, startDate: '2024-01-01' });
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('申报');
      ws.addRow(['统一社会信用代码', '费款所属期', '身份证号', '姓名', '险种', '缴费基数（元）']);
      for (const m of [monthsAgo(2), monthsAgo(1)]) ws.addRow([uscc, m, idNumber, '门户测试乙', '', '5000']);
      const csrf = (await staff.context().cookies()).find((c) => c.name === 'renshe_csrf')?.value ?? '';
      const up = await staff.request.post(`${base}/api/v1/imports/contributions`, {
        headers: { 'x-csrf-token': csrf },
        multipart: { mode: 'all', file: { name: 'declaration.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) } },
      });
      expect(up.status(), await up.text()).toBe(202);
      const jobId = (await up.json()).id as string;
      for (let i = 0; i < 120; i++) {
        const j = await apiCall(staff, 'GET', `/imports/jobs/${jobId}`);
        if (j.status === 'succeeded') break;
        expect(j.status).not.toBe('failed');
        await staff.waitForTimeout(250);
      }

      await staff.goto(`${base}/registry/persons/${person.id}`);
      await staff.getByTestId('portal-issue').click();
      await staff.getByRole('button', { name: '发放网上账户激活码' }).last().click();
      code = (await staff.getByTestId('portal-code-issued').innerText()).trim();
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    });
    await staff.close();

    // The citizen, on their own phone: a fresh browser context, no staff cookies.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await screenshotOnFailure(page, 'portal-citizen', async () => {
      await page.goto(`${base}/portal/login`);
      await page.getByTestId('portal-activate-link').click();
      await page.waitForURL(/\/portal\/activate/);
      await page.getByTestId('portal-activate-form').waitFor();
      await page.getByTestId('portal-identifier').fill(idNumber);
      await page.getByTestId('portal-code').fill('WRONG234');
      await page.getByTestId('portal-new-password').fill(password);
      await page.getByTestId('portal-confirm-password').fill(password);
      expect(await page.getByTestId('portal-identifier').inputValue()).toBe(idNumber);
      // The wrong code reaches the server (not stopped by the form) and is refused there.
      const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/portal/auth/activate') && r.request().method() === 'POST');
      await page.getByTestId('portal-activate-submit').click();
      expect((await refused).status()).toBe(400);
      await page.getByTestId('problem-alert').getByText('激活码错误，还可尝试 4 次').waitFor();
      await page.getByTestId('portal-code').fill(code);
      await page.getByTestId('portal-activate-submit').click();
      await page.getByTestId('portal-holder').getByText('门**').waitFor();

      // Phone-sized: the portal frame fits the screen, nothing to scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.getByTestId('portal-card-my-insurance').click();
      const pension = page.getByTestId('my-summary-enterprise_pension');
      await pension.waitFor();
      expect(await pension.innerText()).toContain('缴费月数');
      await page.getByTestId('my-ledger').getByText('5,000.00').first().waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('my-certificate').click()]);
      expect(download.suggestedFilename()).toMatch(/^参保缴费凭证-\d{4}-\d{2}-\d{2}\.docx$/);

      // The console is not theirs: any staff path brings them back to the portal.
      await page.goto(`${base}/registry/persons`);
      await page.waitForURL(/\/portal$/);

      // Signing out and back in with the ID number and the new password.
      await page.getByTestId('portal-signout').click();
      await page.waitForURL(/\/portal\/login$/);
      await page.getByTestId('portal-identifier').fill(idNumber.toLowerCase());
      await page.getByTestId('portal-password').fill(password);
      await page.getByTestId('portal-login-submit').click();
      await page.getByTestId('portal-card-my-insurance').waitFor();
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
