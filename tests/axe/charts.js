#!/usr/bin/env node
// The charts' text alternatives as a screen reader gets them: Chromium's
// own accessibility tree (not the markup) must give every chart of the
// page (<svg data-chart>) the role image and a name that starts with the
// chart's title and goes on with its description in words, numbers
// included; and every text drawn in a chart must stand out from the chart's
// background by 4.5:1, both as the page is and under a dark contrast theme
// (forced colours, as Windows' contrast themes set: the page turns dark
// while the chart's ink stays as drawn). Prints each problem as
// "FILE: chart N (KIND): WHAT" on stderr, then "N pages, C charts, P
// problems"; exits 1 when P > 0.
//
//   node charts.js PAGE.html...
'use strict';
const { withPage, fileUrl, main, unfold } = require('./browser');

// In the page, for a chart: the lowest contrast of its texts against the
// background it sits on (the first opaque background from the chart up;
// the canvas's when none), and that text.
function lowestContrast(svg) {
    const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
    const lum = (c) => {
        const [r, g, b] = c.map((v) => {
            v /= 255;
            return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    let bg = null;
    for (let a = svg; a && !bg; a = a.parentElement) {
        const c = rgb(getComputedStyle(a).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0))
            bg = c.slice(0, 3);
    }
    bg = bg || (matchMedia('(prefers-color-scheme: dark)').matches ? [0, 0, 0] : [255, 255, 255]);
    let low = { ratio: 21, text: '' };
    for (const t of svg.querySelectorAll('text')) {
        const [a, b] = [lum(rgb(getComputedStyle(t).fill).slice(0, 3)), lum(bg)];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < low.ratio)
            low = { ratio, text: t.textContent };
    }
    return low;
}

// Emulates a dark contrast theme (forced colours) or turns it off, through
// the page's DevTools session cdp (puppeteer has no call for it; the
// emulation lasts as long as the session).
async function forcedColours(cdp, on) {
    await cdp.send('Emulation.setEmulatedMedia', { features: on
        ? [{ name: 'forced-colors', value: 'active' }, { name: 'prefers-color-scheme', value: 'dark' }]
        : [] });
}

main('node charts.js PAGE.html...', (files) => withPage(async (page) => {
    let charts = 0, problems = 0;
    const cdp = await page.createCDPSession();
    for (const file of files) {
        await page.goto(fileUrl(file), { waitUntil: 'load' });
        await unfold(page);
        const svgs = await page.$$('svg[data-chart]');
        for (const [i, svg] of svgs.entries()) {
            const [kind, title] = await svg.evaluate((e) =>
                [e.dataset.chart, (e.querySelector('title') || {}).textContent || '']);
            const node = await page.accessibility.snapshot({ root: svg, interestingOnly: false });
            const name = (node && node.name) || '';
            const report = (what) => {
                console.error(`${file}: chart ${i + 1} (${kind}): ${what}`);
                problems++;
            };
            if (!node || node.role !== 'image')
                report(`role ${node ? node.role : 'none'}, expected image`);
            if (title === '' || !name.startsWith(title))
                report(`its name "${name.slice(0, 80)}" does not start with its title "${title}"`);
            else if (name.length < title.length + 20 || !/[0-9]/.test(name.slice(title.length)))
                report(`its name has no description in words and numbers: "${name}"`);
            for (const forced of [false, true]) {
                await forcedColours(cdp, forced);
                const low = await svg.evaluate(lowestContrast);
                if (low.ratio < 4.5)
                    report(`${forced ? 'under a dark contrast theme, ' : ''}text "${low.text}" ` +
                        `stands out by ${low.ratio.toFixed(2)}:1, under 4.5:1`);
            }
            await forcedColours(cdp, false);
            charts++;
        }
    }
    console.log(`${files.length} pages, ${charts} charts, ${problems} problems`);
    return problems === 0 ? 0 : 1;
}));
