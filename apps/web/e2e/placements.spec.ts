import { expect, test, type Page } from '@playwright/test';
import { tokenFor } from './support/api';
import { useLanguage } from './support/page-checks';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid resident ID number (GB 11643) with this sequence, so each run files a new worker. */
function residentId(sequence: number): string {
  const first17 = `35010219960514${String(sequence % 1000).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function signIn(page: Page, username: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo-password');
  await page.locator('button[type=submit]').click();
  await expect(page).toHaveURL((url) => url.pathname === next.split('?')[0]);
}

test.describe('overseas placements', () => {
  test.use({ viewport: { width: 820, height: 1180 }, isMobile: false, hasTouch: false });

  test('the agency files a placement: each clause is checked as the form is filled, in English and Chinese', async ({ page }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'agency-fj-1', '/placements/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('File a placement abroad');
    await page.getByLabel('Name', { exact: true }).fill('Lin Xiaoyan');
    await page.getByLabel('Resident ID number', { exact: true }).fill(residentId(Date.now()));
    await page.getByLabel('Mobile phone', { exact: true }).fill('13800138000');
    await page.locator('select[name=destinationCountry]').selectOption({ label: 'Singapore' });
    await page.getByLabel('Employer', { exact: true }).fill('Lion Care Pte Ltd');
    await page.getByLabel('Employer’s address', { exact: true }).fill('1 Orchard Road');
    await page.getByLabel('Job title', { exact: true }).fill('Care assistant');
    await page.getByLabel('Departure date', { exact: true }).fill(inDays(40));
    await page.getByLabel('Monthly wage', { exact: true }).fill('2200');
    await page.getByLabel('Currency', { exact: true }).fill('SGD');
    await page.getByLabel('Working hours a week', { exact: true }).fill('44');
    await page.getByLabel('Length (months)', { exact: true }).fill('24');
    await page.getByLabel('How disputes are resolved', { exact: true }).fill('Negotiation, then the Ministry of Manpower');
    await page.getByLabel('Signed on', { exact: true }).fill(inDays(1));
    await page.getByLabel('The employer insures the worker (work injury, medical care)', { exact: true }).check();
    // A fee charged to the worker fails its clause at once, in the reader's language.
    await page.getByLabel('Fees charged to the worker', { exact: true }).fill('500');
    const fees = page.locator('[data-clause="no-fees"]');
    await expect(fees).toHaveAttribute('data-ok', 'false');
    await expect(fees).toContainText('No fee charged to the worker: the employer pays: not met');
    await page.getByLabel('Fees charged to the worker', { exact: true }).fill('0');
    await expect(fees).toHaveAttribute('data-ok', 'true');
    await page.getByLabel('Completed on', { exact: true }).fill(inDays(5));
    await page.getByLabel('Hours', { exact: true }).fill('32');
    for (const topic of ['the destination’s laws and customs', 'the worker’s rights and the contract', 'safety', 'help lines']) await page.getByLabel(topic, { exact: true }).check();
    await expect(page.locator('[data-ok="false"]')).toHaveCount(0);

    // In Chinese, the same form says the same in Chinese.
    await page.locator('.lang-switch').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('备案新的外派');
    await expect(fees).toContainText('不向劳动者收取任何费用（雇主付费）：符合');
    await page.getByTestId('submit-placement').click();
    await expect(page.getByTestId('placement-filed')).toContainText(/查询码 [A-Z0-9]{10}/);
    await page.getByRole('link', { name: '返回外派备案' }).click();
    await expect(page.getByTestId('placements-table')).toContainText('Lion Care Pte Ltd');
    await expect(page.getByTestId('placements-table')).toContainText('350102********');
  });

  test('the ministry sees placements by destination, with a chart, in Chinese and English', async ({ page }) => {
    await signIn(page, 'ministry', '/placements/summary');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('外派劳动者统计');
    await expect(page.getByTestId('placements-chart')).toBeVisible();
    await expect(page.getByTestId('placements-summary')).toContainText('新加坡');
    await expect(page.getByTestId('placements-summary')).toContainText('因受虐待回国');
    await page.locator('.lang-switch').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workers placed abroad');
    await expect(page.getByTestId('placements-summary')).toContainText('Singapore');
    await page.getByTestId('summary-group').selectOption('province');
    await expect(page.getByTestId('placements-summary')).toContainText('Fujian');
  });
});

test.describe('the worker checks her placement on her phone', () => {
  test('from the home page, with her code and ID suffix; a wrong suffix finds nothing', async ({ page, request }) => {
    const token = await tokenFor(request, 'agency-fj-1');
    const list = await request.get('/api/placements?status=filed&limit=1', { headers: { authorization: `Bearer ${token}` } });
    const [placement] = ((await list.json()) as { items: { checkCode: string; worker: { idNumberMasked: string } }[] }).items;
    await page.goto('/');
    await page.getByRole('link', { name: /查询我的外派备案/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('查询我的外派备案');
    await page.locator('input[name=checkCode]').fill(placement.checkCode);
    await page.locator('input[name=idLast4]').fill(placement.worker.idNumberMasked.slice(-4) === '0000' ? '0001' : '0000');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByTestId('placement-not-found')).toContainText('没有找到这条备案');
    await page.locator('input[name=idLast4]').fill(placement.worker.idNumberMasked.slice(-4));
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByTestId('placement-answer')).toContainText('您的外派已经备案');
    await expect(page.getByTestId('placement-answer')).toContainText('许可证今天有效');
    await expect(page.getByTestId('placement-help-lines').getByRole('link', { name: '12333' })).toHaveAttribute('href', 'tel:12333');
    await expect(page.getByTestId('placement-help-lines')).toContainText('12308');
    await page.locator('.lang-switch').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check my placement abroad');
  });

  test('before you go links to the check', async ({ page }) => {
    await page.goto('/before-you-go');
    await page.getByTestId('check-placement-link').click();
    await expect(page).toHaveURL(/\/placements\/check$/);
  });
});
