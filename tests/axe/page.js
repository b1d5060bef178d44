#!/usr/bin/env node
// The debrief report as a browser shows it, at the width of a laptop on a
// projector (1366 CSS pixels, as the issue measures): for each page, one
// line
//   FILE: height H px, C charts, N console messages
// where H is the height of the whole page as laid out (folded <details>
// closed, as it opens), C the charts (<svg role="img"> with a <title>), and
// N the messages the page wrote to the console or the requests that
// failed, each also printed on stderr as "FILE: console: TEXT". Exits 1
// when any page has a console message, and when --max-height PX is given
// and a page is taller; --screenshot PNG keeps a full-page screenshot of
// the first page.
//
//   node page.js [--max-height PX] [--screenshot PNG] PAGE.html...
'use strict';
const { withPage, fileUrl, main } = require('./browser');

const WIDTH = 1366;

main('node page.js [--max-height PX] [--screenshot PNG] PAGE.html...', async (args) => {
    let maxHeight = Infinity, shot = null;
    const files = [];
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '--max-height')
            maxHeight = Number(args[++i]);
        else if (args[i] === '--screenshot')
            shot = args[++i];
        else
            files.push(args[i]);
    }
    return withPage(async (page) => {
        let bad = 0, messages = [];
        page.on('console', (m) => messages.push(`console: ${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => messages.push(`page error: ${e.message}`));
        page.on('requestfailed', (r) => messages.push(`request failed: ${r.url()}`));
        await page.setViewport({ width: WIDTH, height: 768 });
        for (const file of files) {
            messages = [];
            await page.goto(fileUrl(file), { waitUntil: 'load' });
            const [height, charts] = await page.evaluate(() => [
                document.documentElement.scrollHeight,
                [...document.querySelectorAll('svg[role="img"]')].filter(
                    (s) => s.querySelector(':scope > title') &&
                        s.querySelector(':scope > title').textContent.trim() !== '').length,
            ]);
            console.log(`${file}: height ${height} px, ${charts} charts, ${messages.length} console messages`);
            for (const m of messages)
                console.error(`${file}: ${m}`);
            if (messages.length > 0)
                bad = 1;
            if (height > maxHeight) {
                console.error(`${file}: ${height} px high at ${WIDTH} px wide, more than ${maxHeight}`);
                bad = 1;
            }
            if (shot && file === files[0])
                await page.screenshot({ path: shot, fullPage: true });
        }
        return bad;
    });
});
