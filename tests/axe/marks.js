#!/usr/bin/env node
// The ✓ and ✗ that mark choices right or wrong in the table of every
// decision, as a screen reader gets them from Chromium's accessibility tree:
// each must read as a word, "(right)" or "(wrong)", never as the symbol
// (which screen readers read as "check mark" or "ballot x", or skip). Prints
// each problem as "FILE: WHAT" on stderr, then "N pages, M marks, P
// problems"; exits 1 when P > 0.
//
//   node marks.js PAGE.html...
'use strict';
const { withPage, fileUrl, main, unfold } = require('./browser');

// Every text the accessibility tree holds under node, in order.
function texts(node, out = []) {
    if (node.name && (node.role === 'StaticText' || node.role === 'text'))
        out.push(node.name);
    for (const child of node.children || [])
        texts(child, out);
    return out;
}

main('node marks.js PAGE.html...', (files) => withPage(async (page) => {
    let marks = 0, problems = 0;
    for (const file of files) {
        await page.goto(fileUrl(file), { waitUntil: 'load' });
        await unfold(page);
        const table = await page.$('#every-decision table');
        const shown = await table.evaluate((t) => (t.textContent.match(/[\u2713\u2717]/g) || []).length);
        const read = texts(await page.accessibility.snapshot({ root: table, interestingOnly: false })).join(' ');
        const words = (read.match(/\((right|wrong)\)/g) || []).length;
        const symbols = (read.match(/[\u2713\u2717]/g) || []).length;
        if (symbols > 0) {
            console.error(`${file}: a screen reader gets ${symbols} ✓ or ✗ symbols in the table of every decision`);
            problems++;
        }
        if (words !== shown) {
            console.error(`${file}: ${shown} marks shown, ${words} read as (right) or (wrong)`);
            problems++;
        }
        marks += shown;
    }
    console.log(`${files.length} pages, ${marks} marks, ${problems} problems`);
    return problems === 0 ? 0 : 1;
}));
