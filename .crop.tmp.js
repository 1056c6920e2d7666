const { chromium } = require('playwright-core');
const fs = require('fs');
(async () => {
  const [file, y, h, out] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 820, height: Number(h) } });
  const b64 = fs.readFileSync(file).toString('base64');
  await page.setContent(`<body style="margin:0;overflow:hidden"><img src="data:image/png;base64,${b64}" style="display:block;margin-top:-${y}px"></body>`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  await browser.close();
})();
