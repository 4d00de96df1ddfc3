// Manual check in a real browser (not part of CI): the "done" path. With lotflow running on
// localhost:8080 and a new PENDING lot, Sarah records the results and Jennifer approves, both in Tasklist.
//   apt-get install chromium; npm install playwright-core; node tools/tasklist-release.mjs
// Screenshots land in /tmp (tasklist-*.png).
import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
async function work(user, filter, taskName, fill, shot) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto('http://localhost:8080/camunda/app/tasklist/default/');
  await page.waitForSelector('input[type=password]', { timeout: 30000 });
  await page.fill('input[type=text]', user);
  await page.fill('input[type=password]', user);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(3000);
  await page.getByText(filter).first().click();
  await page.waitForTimeout(2000);
  await page.getByText(taskName).first().click();
  await page.waitForTimeout(3000);
  await page.getByText('Claim').first().click();
  await page.waitForTimeout(2000);
  await fill(page);
  await page.screenshot({ path: shot + '-filled.png' });
  await page.getByRole('button', { name: 'Complete' }).click();
  await page.waitForTimeout(3000);
  await page.screenshot({ path: shot + '-done.png' });
  await ctx.close();
}
await work('sarah', 'QA analysts', 'Record lab results', async (page) => {
  await page.locator('textarea').first().fill('viscosity40C = 248\nflashPoint = 225');
}, '/tmp/tasklist-sarah');
await work('jennifer', 'QA managers', 'Approve release', async (page) => {
  // an embedded form: decision, comment and the signature password in a masked field
  await page.selectOption('select[cam-variable-name=approved]', 'true');
  await page.locator('textarea[cam-variable-name=comment]').fill('All specifications met, COA issued');
  await page.locator('input[data-lotflow-signature]').fill('jennifer');
}, '/tmp/tasklist-jennifer');
await browser.close();
