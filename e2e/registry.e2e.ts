// Main flows in the real UI: a county caseworker's first sign-in (forced password change),
// registering a person with the resident-ID check explained, finding the person again, and
// another county not seeing them; an administrator's TOTP enrolment; the English switch.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentStep, totpAt } from '../server/src/platform/auth/totp';
import { makeResidentId } from '../server/src/platform/validate';
import { launch, screenshotOnFailure, signIn } from './browser';

const base = inject('baseUrl');
const users = inject('users');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function openMenu(page: Page, key: string) {
  const item = page.getByTestId(`menu-${key}`);
  if (!(await item.isVisible())) await page.getByTestId('menu-registry').click();
  await item.click();
}

const personId = makeResidentId('469021', '1986-04-12', 37);
const NEW_PASSWORD = 'Changed#2026ok';

describe('registry in the browser', () => {
  it('a first sign-in must change the initial password, then lands on the home page with a filtered menu', async () => {
    const page = await browser.newPage();
    await screenshotOnFailure(page, 'first-sign-in', async () => {
      await signIn(page, 'e2e_dingan', users.e2e_dingan);
      await page.getByTestId('password-forced').waitFor();
      await page.getByTestId('password-current').fill(users.e2e_dingan);
      await page.getByTestId('password-new').fill('weakpassword');
      await page.getByTestId('password-confirm').fill('weakpassword');
      await page.getByTestId('password-submit').click();
      await expect(page.getByText(/三类|3 of/).first().isVisible()).resolves.toBe(true);
      await page.getByTestId('password-new').fill(NEW_PASSWORD);
      await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
      await page.getByTestId('password-submit').click();
      await page.getByTestId('side-menu').waitFor();
      // A county supervisor has registry pages but no administration.
      expect(await page.getByTestId('menu-registry').count()).toBe(1);
      expect(await page.getByTestId('menu-admin').count()).toBe(0);
      expect(await page.getByTestId('menu-security').count()).toBe(0);
    });
    await page.close();
  });

  it('registering a person explains a wrong check digit, then saves and finds the person by ID', async () => {
    const page = await browser.newPage();
    await screenshotOnFailure(page, 'register-person', async () => {
      await signIn(page, 'e2e_dingan', NEW_PASSWORD);
      await page.getByTestId('side-menu').waitFor();
      await openMenu(page, 'persons');
      await page.getByTestId('persons-create').click();
      const wrong = personId.slice(0, 17) + (personId[17] === '0' ? '1' : '0');
      await page.getByTestId('person-id-number-input').fill(wrong);
      await page.getByTestId('person-name').fill('王小明');
      await page.getByTestId('person-submit').click();
      await page.getByText('校验位错误').first().waitFor();
      await page.getByTestId('person-id-number-input').fill(personId);
      await page.getByText('城镇').first().click();
      await page.getByTestId('person-region').click();
      await page.keyboard.type('定城镇');
      await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '定城镇' }).first().click();
      await page.getByTestId('person-phone-input').fill('13812345678');
      await page.getByTestId('person-submit').click();
      await page.waitForURL(/\/registry\/persons\/\d+$/);
      await page.getByText('王小明').first().waitFor();
      // masked on the way out
      expect(await page.getByText(personId).count()).toBe(0);
      await page.getByText(`${personId.slice(0, 3)}***********${personId.slice(-4)}`).first().waitFor();
    });
    await page.close();
  });

  it('an import with a bad row writes nothing, says so, and offers the row-level error workbook', async () => {
    const page = await browser.newPage();
    await screenshotOnFailure(page, 'import', async () => {
      await signIn(page, 'e2e_dingan', NEW_PASSWORD);
      await page.getByTestId('side-menu').waitFor();
      await page.goto(`${base}/imports?kind=persons`);
      const csv = ['身份证号,姓名,户口性质,户籍地区', `${makeResidentId('469021', '1990-01-01', 11)},李四,农村,469021100`, `110105194912310021,赵五,城镇,469021`].join('\n');
      await page.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-error-workbook').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('import-message').innerText()).toContain('未写入任何数据');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-error-workbook').click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    });
    await page.close();
  });

  it('another county’s user does not see the person', async () => {
    const page = await browser.newPage();
    await screenshotOnFailure(page, 'other-county', async () => {
      await signIn(page, 'e2e_tunchang', users.e2e_tunchang);
      await page.getByTestId('side-menu').waitFor();
      await openMenu(page, 'persons');
      await page.getByTestId('persons-create').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByText('王小明').count()).toBe(0);
    });
    await page.close();
  });

  it('an administrator must enrol TOTP before the console opens; the English switch translates the menu', async () => {
    const page = await browser.newPage();
    await screenshotOnFailure(page, 'admin-totp', async () => {
      await signIn(page, 'e2e_sys', users.e2e_sys);
      const secretBox = page.getByTestId('totp-secret');
      await secretBox.waitFor();
      const secret = (await secretBox.innerText()).replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await page.getByTestId('totp-code').fill(totpAt(secret, currentStep()));
      await page.getByTestId('totp-submit').click();
      await page.getByTestId('side-menu').waitFor();
      expect(await page.getByTestId('menu-admin').count()).toBe(1);
      expect(await page.getByTestId('menu-registry').count()).toBe(0);
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('menu-admin').click();
      await page.getByTestId('menu-users').getByText('Users').waitFor();
    });
    await page.close();
  });
});
