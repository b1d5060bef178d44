#!/usr/bin/env node
// Checks HTML pages (the reports `appraise debrief --html` writes) against
// WCAG 2.2 AA with axe-core, in Debian's Chromium (browser.js), with every
// <details> unfolded (axe skips what is folded). Each page
// is checked in the screen media at a desktop width and at 320 CSS pixels,
// and in the print media at the width of an A4 page inside its margins. At
// 320 px the page itself must not scroll sideways (WCAG 1.4.10, reflow: a
// wide table scrolls in its own box), and on paper nothing may stick out of
// the page, where it would be cut off; axe checks neither, so each counts
// as a violation "reflow" too. Prints every violation as
//   FILE [VIEW]: RULE (IMPACT) TARGET: WHAT
// on stderr, then "N pages, M checks, V violations", and exits 1 when V > 0.
//
//   node check.js PAGE.html...
'use strict';
const { withPage, fileUrl, main, unfold } = require('./browser');

// The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, by axe-core's tags.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE = require.resolve('axe-core/axe.min.js');

// Where each page is looked at: [label, media type, viewport width, whether
// the page must fit that width]. 680 px: A4's 210 mm less the report's 15 mm
// margins, at 96 px to the inch.
const VIEWS = [
    ['screen', 'screen', 1280, false],
    ['screen 320px', 'screen', 320, true],
    ['print A4', 'print', 680, true],
];

// The violations axe finds in the page as it is now, one line each.
async function violations(page) {
    return page.evaluate((tags) => window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
    }).then((r) => r.violations.flatMap((v) => v.nodes.map((n) =>
        `${v.id} (${v.impact}) ${n.target.join(' ')}: ` +
        (n.failureSummary || '').replace(/\s+/g, ' ').trim()))), TAGS);
}

// At a narrow width: the page's width when it is wider than the viewport,
// and the outermost element that sticks out; null when it fits.
function overflow() {
    const width = document.documentElement.scrollWidth;
    if (width <= innerWidth)
        return null;
    const clipped = (e) => {
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible')
                return true;
        }
        return false;
    };
    const out = [...document.body.querySelectorAll('*')].find(
        (e) => e.getBoundingClientRect().right > innerWidth + 1 && !clipped(e));
    const what = out ? out.tagName.toLowerCase() + (out.className ? '.' + out.className : '') : '?';
    return `the page is ${width} px wide at ${innerWidth} px, first past the edge: ${what}`;
}

main('node check.js PAGE.html...', (files) => withPage(async (page) => {
    let found = 0;
    for (const file of files) {
        await page.goto(fileUrl(file), { waitUntil: 'load' });
        await page.addScriptTag({ path: AXE });
        await unfold(page);
        for (const [label, media, width, fit] of VIEWS) {
            await page.setViewport({ width, height: 900 });
            await page.emulateMediaType(media);
            const lines = await violations(page);
            const wide = fit ? await page.evaluate(overflow) : null;
            if (wide)
                lines.push(`reflow (serious) ${wide}`);
            for (const line of lines) {
                console.error(`${file} [${label}]: ${line}`);
                found++;
            }
        }
    }
    console.log(`${files.length} pages, ${files.length * VIEWS.length} checks, ${found} violations`);
    return found === 0 ? 0 : 1;
}));
