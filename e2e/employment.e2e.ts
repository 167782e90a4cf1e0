// The caseworker's employment flow in the real UI: register a person's unemployment, build
// the seeker profile, see the matched vacancy with the reasons for its score, refer the seeker
// (职业介绍), record the hire — which registers the employment and closes the unemployment as
// re-employment — and see the figure move on the monitoring dashboard.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeResidentId, makeUscc } from '../server/src/platform/validate';
import { apiCall, chooseOption, launch, screenshotOnFailure, signIn } from './browser';

const base = inject('baseUrl');
const users = inject('users');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** The open modal form (a list's filter bar may carry fields of the same name, e.g. status). */
const form = (page: Page, testid: string) => page.getByTestId(testid);

const choose = chooseOption;

/** Types a date into an antd DatePicker. */
async function date(page: Page, field: Locator, iso: string) {
  await field.click();
  await field.fill(iso);
  await page.keyboard.press('Enter');
}

/** A figure of the monitoring dashboard (this year, the caller's region). */
async function kpi(page: Page, key: string): Promise<number> {
  await page.goto(`${base}/employment/monitoring`);
  const value = page.getByTestId(`kpi-${key}`).locator('.ant-statistic-content-value');
  // "—" until the figures arrive.
  await expect.poll(async () => /^[\d,]+$/.test((await value.innerText()).trim()), { timeout: 30_000 }).toBe(true);
  return Number((await value.innerText()).replace(/[,\s]/g, ''));
}

const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('employment services in the browser', () => {
  it('a caseworker registers an unemployment, builds the profile, refers to a matched vacancy and records the hire; the dashboard counts it', async () => {
    // In Hainan's time zone, as its users are: date pickers refuse days after today there.
    const context = await browser.newContext({ timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await screenshotOnFailure(page, 'employment-flow', async () => {
      await signIn(page, 'e2e_tunchang', users.e2e_tunchang);
      await page.getByTestId('side-menu').waitFor();

      // The registry already holds the person and the employer; the employer has posted a vacancy.
      const name = '就业测试丁';
      const person = await apiCall<{ id: number }>(page, 'POST', '/registry/persons', { idNumber: makeResidentId('469022', '1988-08-08', 55), name, hukouType: 'urban', regionCode: '469022100' });
      const firm = await apiCall<{ id: number }>(page, 'POST', '/registry/employers', { uscc: makeUscc('91469022MA5TE2E21'), name: '屯昌就业测试酒店', industry: 'H', ownership: 'private', size: 'small', regionCode: '469022100' });
      const vacancy = await apiCall<{ id: number }>(page, 'POST', '/employment/vacancies', { employerId: firm.id, title: '中式厨师（测试）', occupationCode: '4-03', skills: ['烹饪'], regionCode: '469022100', salaryMin: 400_000, salaryMax: 600_000, education: 'junior', headcount: 2, expiresOn: chinaDay(60) });
      const before = { reemployed: await kpi(page, 'reemployed'), newUrbanJobs: await kpi(page, 'newUrbanJobs') };

      // 1. Unemployment registration.
      await page.goto(`${base}/employment/unemployment`);
      await page.getByTestId('unemployment-create').click();
      const unemploymentForm = form(page, 'unemployment-form');
      await choose(page, unemploymentForm.locator('#personId'), name, name);
      await date(page, unemploymentForm.locator('#registeredOn'), chinaDay(-20));
      await page.getByTestId('unemployment-form-submit').click();
      await page.getByTestId('table-employment-unemployment').getByText(name).first().waitFor();

      // 2. The seeker profile: the detail page opens once it is saved.
      await page.goto(`${base}/employment/seekers`);
      await page.getByTestId('seeker-create').click();
      const seekerForm = form(page, 'seeker-form');
      await choose(page, seekerForm.locator('#personId'), name, name);
      await choose(page, seekerForm.locator('#desiredOccupations'), '4-03', '4-03');
      await seekerForm.locator('#skills').fill('烹饪');
      await page.keyboard.press('Enter');
      await seekerForm.locator('#salaryYuan').fill('4500');
      await page.getByTestId('seeker-form-submit').click();
      await page.waitForURL(/\/employment\/seekers\/\d+$/);
      const seekerId = Number(page.url().split('/').pop());

      // 3. The vacancy is matched, with the reasons for its score.
      const matches = page.getByTestId('seeker-matches');
      const row = matches.locator('tr', { hasText: '中式厨师（测试）' });
      await row.waitFor();
      await row.locator('.ant-table-row-expand-icon').click();
      const reasons = await matches.locator('.ant-table-expanded-row').first().innerText();
      for (const text of ['属于同一职业', '具备岗位要求的全部技能', '在意向工作地内', '薪酬上限 6000 元达到期望 4500 元']) expect(reasons).toContain(text);
      expect(await row.getByTestId('match-score').innerText()).toBe('100.0');

      // 4. Referral (职业介绍), then the hire.
      await page.getByTestId(`refer-${vacancy.id}`).click();
      await page.getByTestId(`table-seeker-${seekerId}-placements`).getByText('中式厨师（测试）').first().waitFor();
      const placements = await apiCall<{ items: { id: number; kind: string; status: string; vacancyId: number }[] }>(page, 'GET', `/employment/placements?seekerId=${seekerId}`);
      // A referral sends the seeker to the employer: it starts as applied.
      expect(placements.items.map((p) => [p.kind, p.status, p.vacancyId])).toEqual([['referral', 'applied', vacancy.id]]);
      const placementId = placements.items[0].id;
      await page.getByTestId(`placement-outcome-${placementId}`).click();
      const outcomeForm = form(page, 'outcome-form');
      await choose(page, outcomeForm.locator('#status'), '', '已录用');
      await date(page, outcomeForm.locator('#outcomeDate'), chinaDay());
      await page.getByTestId('outcome-form-submit').click();
      await page.getByTestId(`table-seeker-${seekerId}-placements`).getByText('已录用').waitFor();

      // The hire registered the employment and closed the unemployment as re-employment.
      const jobs = await apiCall<{ items: { employerId: number | null; startDate: string; endDate: string | null }[] }>(page, 'GET', `/employment/registrations?personId=${person.id}`);
      expect(jobs.items.map((j) => [j.employerId, j.startDate, j.endDate])).toEqual([[firm.id, chinaDay(), null]]);
      const unemployment = await apiCall<{ items: { closedOn: string | null; closedReason: string | null }[] }>(page, 'GET', `/employment/unemployment?personId=${person.id}`);
      expect(unemployment.items.map((u) => [u.closedOn, u.closedReason])).toEqual([[chinaDay(), 'reemployed']]);
      await page.goto(`${base}/employment/registrations`);
      await page.getByTestId('table-employment-registrations').getByText(name).first().waitFor();

      // 5. The dashboard counts one more re-employed person and one more new urban job.
      expect(await kpi(page, 'reemployed')).toBe(before.reemployed + 1);
      expect(await kpi(page, 'newUrbanJobs')).toBe(before.newUrbanJobs + 1);
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
