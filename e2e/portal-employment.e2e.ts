// Job seeking and recruiting on the portal, in the real UI: a caseworker issues activation
// codes from the registry pages to a person and an employer; the employer posts a vacancy; the
// person fills in a profile, sees the vacancy matched with its reasons and applies; the employer
// sees the application and the (masked) candidate, opens the candidate and hires; the person
// sees the outcome and that the employer viewed the profile.
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** Issues an activation code from the person's or employer's registry page, as staff do at the window. */
async function issueCode(staff: Page, path: string): Promise<string> {
  await staff.goto(`${base}${path}`);
  await staff.getByTestId('portal-issue').click();
  await staff.getByRole('button', { name: '发放网上账户激活码' }).last().click();
  const code = (await staff.getByTestId('portal-code-issued').innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  await staff.keyboard.press('Escape');
  return code;
}

/** A phone-sized browser of its own; activates the account and lands on the portal home. */
async function activate(kind: 'person' | 'employer', identifier: string, code: string, password: string, holder: string, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/portal/activate`);
  if (kind === 'employer') await page.getByTestId('portal-kind').getByText('单位').click();
  await page.getByTestId('portal-identifier').fill(identifier);
  await page.getByTestId('portal-code').fill(code);
  await page.getByTestId('portal-new-password').fill(password);
  await page.getByTestId('portal-confirm-password').fill(password);
  await page.getByTestId('portal-activate-submit').click();
  await page.getByTestId('portal-holder').getByText(holder).waitFor();
  return { context, page };
}

const choose = (page: Page, selector: string, typed: string, option: string) => chooseOption(page, page.locator(selector), typed, option);

describe('job seeking and recruiting on the portal in the browser', () => {
  it('a person and an employer activate their accounts; the person applies to a matched vacancy; the employer hires; the person sees the outcome and the view', async () => {
    const errors: string[] = [];
    const idNumber = makeResidentId('469022', '1992-03-15', 93);
    const uscc = makeUscc('91469022MA5TE2E07');
    const staff = await browser.newPage();
    staff.on('pageerror', (e) => errors.push(e.message));
    let personCode = '';
    let employerCode = '';
    await screenshotOnFailure(staff, 'portal-employment-issue', async () => {
      await signIn(staff, 'e2e_tunchang', users.e2e_tunchang);
      await staff.getByTestId('side-menu').waitFor();
      const person = await apiCall<{ id: number }>(staff, 'POST', '/registry/persons', { idNumber, name: '求职测试丙', hukouType: 'rural', regionCode: '469022100', phone: '13800138123' });
      const employer = await apiCall<{ id: number }>(staff, 'POST', '/registry/employers', { uscc, name: '屯昌门户招聘测试厂', industry: 'C', ownership: 'private', size: 'small', regionCode: '469022100' });
      personCode = await issueCode(staff, `/registry/persons/${person.id}`);
      employerCode = await issueCode(staff, `/registry/employers/${employer.id}`);
    });
    await staff.close();

    // The employer posts a vacancy through the form.
    const firm = await activate('employer', uscc, employerCode, 'Firm#Pass2026', '屯昌门户招聘测试厂', errors);
    let vacancyId = 0;
    await screenshotOnFailure(firm.page, 'portal-employment-post', async () => {
      const page = firm.page;
      await page.getByTestId('portal-card-recruit-vacancies').click();
      await page.getByTestId('vacancy-new').click();
      await page.locator('#title').fill('中式面点师');
      await choose(page, '#occupationCode', '4-03', '4-03');
      await page.locator('#skills').fill('面点');
      await page.keyboard.press('Enter');
      await page.locator('#salaryMinYuan').fill('3500');
      await page.locator('#salaryMaxYuan').fill('5000');
      await page.getByTestId('vacancy-form-submit').click();
      await page.getByTestId('table-portal-vacancies').getByText('中式面点师').waitFor();
      const mine = await apiCall<{ items: { id: number; title: string; regionCode: string }[] }>(page, 'GET', '/portal/recruit/vacancies');
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0]).toMatchObject({ title: '中式面点师', regionCode: '469022100' });
      vacancyId = mine.items[0].id;
    });

    // The person fills in the profile, sees the vacancy with its reasons, and applies.
    const seeker = await activate('person', idNumber, personCode, 'Seeker#2026x', '求**', errors);
    await screenshotOnFailure(seeker.page, 'portal-employment-apply', async () => {
      const page = seeker.page;
      await page.getByTestId('portal-card-jobs-profile').click();
      await page.getByTestId('profile-empty').waitFor();
      await choose(page, '#desiredOccupations', '4-03', '4-03');
      await page.locator('#skills').fill('面点');
      await page.keyboard.press('Enter');
      await page.locator('#skills').fill('烹饪');
      await page.keyboard.press('Enter');
      await page.locator('#salaryYuan').fill('4000');
      await page.getByTestId('profile-save').click();
      await page.getByText('求职信息已保存，可查看推荐岗位').waitFor();
      // The profile page links to the matches (the frame's menu has the same entry).
      await page.getByRole('main').getByRole('link', { name: '推荐岗位' }).click();
      const match = page.getByTestId(`match-${vacancyId}`);
      await match.waitFor();
      expect(await match.innerText()).toContain('屯昌门户招聘测试厂');
      await page.getByTestId(`reasons-${vacancyId}`).getByText('得分理由').click();
      const reasons = await page.getByTestId(`reasons-${vacancyId}`).innerText();
      for (const factor of ['职业', '技能', '地点', '薪酬', '学历']) expect(reasons).toContain(factor);
      await page.getByTestId(`apply-${vacancyId}`).click();
      await page.getByTestId(`applied-${vacancyId}`).getByText('已投递').waitFor();
      await page.goto(`${base}/portal/jobs/applications`);
      await page.getByTestId(`application-status-${vacancyId}`).getByText('已投递').waitFor();
    });

    // The employer sees the masked candidate and the application, opens the candidate and hires.
    await screenshotOnFailure(firm.page, 'portal-employment-hire', async () => {
      const page = firm.page;
      await page.getByTestId(`candidates-${vacancyId}`).click();
      const candidates = await apiCall<{ items: { seekerId: number; maskedName: string }[] }>(page, 'GET', `/portal/recruit/vacancies/${vacancyId}/candidates`);
      const c = candidates.items.find((x) => x.maskedName === '求**');
      expect(c).toBeTruthy();
      await page.getByTestId(`candidate-${c!.seekerId}`).waitFor();
      await page.getByTestId(`candidate-open-${c!.seekerId}`).click();
      const card = page.getByTestId('candidate-card');
      await card.waitFor();
      const cardText = await card.innerText();
      expect(cardText).toContain('求**');
      expect(cardText).toContain('岁');
      expect(cardText).not.toContain('求职测试丙');
      expect(cardText).not.toContain(idNumber.slice(-4));
      await page.keyboard.press('Escape');
      await page.goto(`${base}/portal/recruit/applications`);
      const received = await apiCall<{ items: { id: number; status: string }[] }>(page, 'GET', '/portal/recruit/applications');
      expect(received.items).toHaveLength(1);
      const placementId = received.items[0].id;
      await page.getByTestId('received-applications').getByText('求**').first().waitFor();
      expect(await page.getByTestId('received-applications').innerText()).not.toContain('求职测试丙');
      await page.getByTestId(`hire-${placementId}`).click();
      await page.getByTestId(`hire-ok-${placementId}`).click();
      await page.getByTestId(`received-status-${placementId}`).getByText('已录用').waitFor();
    });

    // The person sees the outcome and who viewed the profile.
    await screenshotOnFailure(seeker.page, 'portal-employment-outcome', async () => {
      const page = seeker.page;
      await page.reload();
      await page.getByTestId(`application-status-${vacancyId}`).getByText('已录用').waitFor();
      await page.goto(`${base}/portal`);
      await page.getByTestId('portal-card-jobs-views').click();
      await page.getByTestId('viewer').getByText('屯昌门户招聘测试厂').first().waitFor();
      expect(await page.locator('body').innerText()).toContain('中式面点师');
    });
    expect(errors).toEqual([]);
    await firm.context.close();
    await seeker.context.close();
  });
});
