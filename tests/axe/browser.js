// Shared by the checks in this folder: Debian's Chromium, headless, with a
// fresh profile and no network services, driven by puppeteer-core (which
// never downloads a browser). CHROMIUM overrides /usr/bin/chromium.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

// withPage(fn): runs fn(page) in a new browser and closes it, whatever fn
// does; returns what fn returns.
async function withPage(fn) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'appraise-axe-'));
    const browser = await puppeteer.launch({
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        headless: true,
        userDataDir: profile,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--disable-smooth-scrolling'],
    });
    try {
        return await fn(await browser.newPage());
    } finally {
        await browser.close();
        fs.rmSync(profile, { recursive: true, force: true });
    }
}

// unfold(page): opens every <details> of the page, so that a check sees
// what a reader who unfolds them sees (the report folds its long tables and
// charts; folded content is neither in the accessibility tree nor checked).
async function unfold(page) {
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
}

function fileUrl(file) {
    return 'file://' + path.resolve(file);
}

// main(usage, fn): runs fn(args) and exits with what it returns (0 or 1);
// 2 when there are no arguments or fn throws.
function main(usage, fn) {
    const args = process.argv.slice(2);
    if (args.length === 0) {
        console.error(`usage: ${usage}`);
        process.exitCode = 2;
        return;
    }
    fn(args).then((rc) => { process.exitCode = rc; }, (err) => {
        console.error(`${path.basename(process.argv[1])}: ${err && err.stack ? err.stack : err}`);
        process.exitCode = 2;
    });
}

module.exports = { withPage, fileUrl, main, unfold };
