#!/usr/bin/env node
// The page of `appraise graph --html` in Debian's Chromium (browser.js), at
// 1366 x 768: prints
//   nodes: N buttons in the SVG
//   click NODE: TEXT           (the panel's words once NODE is clicked)
//   focus outline: W px        (NODE's focus ring once Tab reaches it)
//   keyboard NODE: TEXT        (the same after Tab to NODE and Enter)
//   console messages: M
// where NODE is a node id of the case and TEXT the shown section's text,
// its white space folded. Exits 1 when there is no SVG, a node cannot be
// shown, the focused node has no ring 2 px wide, or the page wrote to the console (each message also on stderr);
// --screenshot PNG keeps the page as it is after the click.
//
//   node graph.js [--screenshot PNG] PAGE.html NODE
'use strict';
const { withPage, fileUrl, main } = require('./browser');

// The id of the SVG group of node `id`, found through its panel section.
function groupOf(id) {
    for (const s of document.querySelectorAll('section.info')) {
        const code = s.querySelector('.kind code');
        if (code && code.textContent === id)
            return 'appraise-node-' + s.id.slice('info-'.length);
    }
    return null;
}

// The text of the section shown, or '' when none is.
function shown() {
    const s = [...document.querySelectorAll('section.info')].filter((e) => !e.hidden);
    return s.length === 1 ? s[0].innerText.replace(/\s+/g, ' ').trim() : '';
}

main('node graph.js [--screenshot PNG] PAGE.html NODE', async (args) => {
    let shot = null;
    const rest = [];
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '--screenshot')
            shot = args[++i];
        else
            rest.push(args[i]);
    }
    const [file, node] = rest;
    return withPage(async (page) => {
        let bad = 0;
        const messages = [];
        page.on('console', (m) => messages.push(`console: ${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => messages.push(`page error: ${e.message}`));
        page.on('requestfailed', (r) => messages.push(`request failed: ${r.url()}`));
        await page.setViewport({ width: 1366, height: 768 });
        await page.goto(fileUrl(file), { waitUntil: 'load' });
        const buttons = await page.evaluate(() =>
            document.querySelector('.map svg') ? document.querySelectorAll('.map svg g.node[role="button"]').length : -1);
        console.log(`nodes: ${buttons} buttons in the SVG`);
        if (buttons <= 0)
            bad = 1;
        const group = await page.evaluate(groupOf, node);
        if (!group) {
            console.error(`${file}: no node ${node}`);
            return 1;
        }
        const sel = `[id="${group}"]`;
        await page.click(sel);
        const clicked = await page.evaluate(shown);
        console.log(`click ${node}: ${clicked}`);
        if (!clicked)
            bad = 1;
        if (shot)
            await page.screenshot({ path: shot });

        await page.goto(fileUrl(file), { waitUntil: 'load' });
        let tabs = 0;
        while (tabs < 500 && !(await page.evaluate((id) => document.activeElement &&
            document.activeElement.id === id, group))) {
            await page.keyboard.press('Tab');
            tabs++;
        }
        const outline = await page.evaluate(() => {
            const st = getComputedStyle(document.activeElement);
            return st.outlineStyle === 'none' ? 0 : parseFloat(st.outlineWidth);
        });
        console.log(`focus outline: ${outline} px`);
        if (outline < 2)
            bad = 1;
        await page.keyboard.press('Enter');
        const typed = await page.evaluate(shown);
        console.log(`keyboard ${node}: ${typed}`);
        if (!typed)
            bad = 1;
        console.log(`console messages: ${messages.length}`);
        for (const m of messages)
            console.error(`${file}: ${m}`);
        return messages.length > 0 ? 1 : bad;
    });
});
