#!/usr/bin/env node
// The report by keyboard alone, in Debian's Chromium (browser.js):
// - Tab reaches every link, every <summary> and every focusable scroll
//   region, in order, and each shows a focus outline at least 2 px wide and
//   is on screen, not covered by anything (WCAG 2.1.1, 2.4.7, 2.4.11);
// - every <details> closes and opens again with Enter, then with Space,
//   focus staying on its summary, its content hidden and shown with it;
// - at 320 CSS pixels wide, Tab again reaches everything, and every table
//   box too wide for the screen scrolls sideways with the arrow keys;
// - printed with every <details> closed, their content still prints;
// - no two links with the same words lead to different places, so that a
//   screen reader's list of links makes sense out of context.
// Prints each problem as "FILE: WHAT" on stderr, then "N pages, S focus
// stops, D details, P problems"; exits 1 when P > 0.
//
//   node keyboard.js PAGE.html...
'use strict';
const { withPage, fileUrl, main, unfold } = require('./browser');

// What Tab should reach: visible links, summaries and tabindex=0 boxes,
// but for what a closed <details> folds away.
function expectedStops() {
    const folded = (e) => {
        const d = e.closest('details:not([open])');
        return d !== null && e !== d.querySelector(':scope > summary');
    };
    const els = document.querySelectorAll('a[href], summary, [tabindex="0"]');
    return [...els].filter((e) => e.getClientRects().length > 0 && !folded(e)).length;
}

// The focused element: a name for messages, and what is wrong with how it
// shows its focus ('' when nothing).
function focusState() {
    const el = document.activeElement;
    if (!el || el === document.body)
        return { end: true };
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : '') +
        ` "${(el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    if (!el.dataset.kbSeen)
        el.dataset.kbSeen = '1';
    else
        return { end: true, name };
    const cs = getComputedStyle(el);
    const problems = [];
    if (!(cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) && cs.boxShadow === 'none')
        problems.push(`no visible focus (outline ${cs.outlineStyle} ${cs.outlineWidth})`);
    // Its boxes (a link has one a line) on screen, and what is on top at
    // the middle of each: at least one must be the element itself.
    const boxes = [...el.getClientRects()].filter((r) =>
        r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth);
    const hits = boxes.map((r) => document.elementFromPoint(
        Math.min(Math.max((r.left + r.right) / 2, 0), innerWidth - 1),
        Math.min(Math.max((r.top + r.bottom) / 2, 0), innerHeight - 1)));
    if (boxes.length === 0)
        problems.push('focused but off screen');
    else if (!hits.some((hit) => hit && el.contains(hit)))
        problems.push(`covered by ${hits[0] ? hits[0].tagName.toLowerCase() : 'nothing'}`);
    return { end: false, name, summary: el.tagName === 'SUMMARY', problems,
        scrolls: el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible' };
}

// The <details> of the focused summary: open, and whether its content shows.
function detailsState() {
    const d = document.activeElement.parentElement;
    const content = [...d.children].find((c) => c.tagName !== 'SUMMARY');
    return { open: d.open, shown: !!content && content.checkVisibility(),
        focused: document.activeElement.tagName === 'SUMMARY' };
}

async function toggles(page, report) {
    let want = await page.evaluate(() => document.activeElement.parentElement.open);
    for (const key of ['Enter', 'Enter', 'Space', 'Space']) {
        await page.keyboard.press(key);
        want = !want;
        const s = await page.evaluate(detailsState);
        if (!s.focused)
            report(`${key} moved the focus off the summary`);
        else if (s.open !== want || s.shown !== want)
            report(`${key} did not ${want ? 'open' : 'close'} it (open ${s.open}, content shown ${s.shown})`);
    }
}

// Closes every <details>, prints, and says which content did not print.
async function printClosed(page, report) {
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = false; }));
    await page.emulateMediaType('print');
    const hidden = await page.evaluate(() => [...document.querySelectorAll('details')]
        .filter((d) => [...d.children].some((c) => c.tagName !== 'SUMMARY' && !c.checkVisibility()))
        .map((d) => d.querySelector('summary').textContent.trim()));
    for (const name of hidden)
        report(`closed, "${name}" does not print`);
    await page.emulateMediaType(null);
}

// The focused box scrolls right with the arrow key.
async function scrollsByKey(page, report) {
    for (let i = 0; i < 3; i++)
        await page.keyboard.press('ArrowRight');
    try {
        await page.waitForFunction(() => document.activeElement.scrollLeft > 0, { timeout: 5000 });
    } catch {
        report('too wide for the screen, and ArrowRight does not scroll it');
    }
}

// Tabs through the page at a width; at 1280 px, as the page opens, tries
// each <details>; at 320 px, with every <details> unfolded, scrolls each box
// too wide for the screen. Returns the stops and the <details> tried.
async function walk(page, file, width, report) {
    let stops = 0, details = 0;
    await page.setViewport({ width, height: 900 });
    await page.goto(fileUrl(file), { waitUntil: 'load' });
    if (width <= 320)
        await unfold(page);
    const expected = await page.evaluate(expectedStops);
    for (let i = 0; i < expected + 5; i++) {
        await page.keyboard.press('Tab');
        const s = await page.evaluate(focusState);
        if (s.end)
            break;
        stops++;
        const at = (what) => report(`[${width}px] ${s.name}: ${what}`);
        s.problems.forEach(at);
        if (s.summary && width > 320) {
            details++;
            await toggles(page, at);
        }
        if (s.scrolls && width <= 320)
            await scrollsByKey(page, at);
    }
    if (stops !== expected)
        report(`[${width}px] Tab reached ${stops} of the ${expected} links, summaries and scroll regions`);
    return [stops, details];
}

// Link texts that lead to more than one place.
function ambiguousLinks() {
    const where = new Map();
    for (const a of document.querySelectorAll('a[href]')) {
        const text = a.textContent.replace(/\s+/g, ' ').trim();
        where.set(text, (where.get(text) || new Set()).add(a.getAttribute('href')));
    }
    return [...where].filter(([, hrefs]) => hrefs.size > 1).map(([text, hrefs]) =>
        `links "${text}" lead to ${[...hrefs].join(' and ')}`);
}

main('node keyboard.js PAGE.html...', (files) => withPage(async (page) => {
    let stops = 0, details = 0, problems = 0;
    for (const file of files) {
        const report = (what) => { console.error(`${file}: ${what}`); problems++; };
        const [n, d] = await walk(page, file, 1280, report);
        stops += n;
        details += d;
        await walk(page, file, 320, report);
        await printClosed(page, report);
        (await page.evaluate(ambiguousLinks)).forEach(report);
    }
    console.log(`${files.length} pages, ${stops} focus stops, ${details} details, ${problems} problems`);
    return problems === 0 ? 0 : 1;
}));
