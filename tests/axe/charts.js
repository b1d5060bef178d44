#!/usr/bin/env node
// The charts' text alternatives as a screen reader gets them: Chromium's
// own accessibility tree (not the markup) must give every chart of the
// page (<svg data-chart>) the role image and a name that starts with the
// chart's title and goes on with its description in words, numbers
// included. Prints each problem as "FILE: chart N (KIND): WHAT" on stderr,
// then "N pages, C charts, P problems"; exits 1 when P > 0.
//
//   node charts.js PAGE.html...
'use strict';
const { withPage, fileUrl, main } = require('./browser');

main('node charts.js PAGE.html...', (files) => withPage(async (page) => {
    let charts = 0, problems = 0;
    for (const file of files) {
        await page.goto(fileUrl(file), { waitUntil: 'load' });
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
            charts++;
        }
    }
    console.log(`${files.length} pages, ${charts} charts, ${problems} problems`);
    return problems === 0 ? 0 : 1;
}));
