#!/usr/bin/env node
// Validates a file written by `appraise debrief --xapi` with Learning
// Locker's xAPI statement validator (the one its LRS runs, conformance
// tested against xAPI 1.0.3): the file must be a JSON array whose every
// element is a valid statement. Prints each problem as
// "statement N (id): path: message" and exits 1 when there is any.
'use strict';
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

function main(argv) {
    if (argv.length !== 1) {
        console.error('usage: node validate.js STATEMENTS.json');
        return 2;
    }
    let statements;
    try {
        statements = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
    } catch (err) {
        console.error(`${argv[0]}: not JSON: ${err.message}`);
        return 1;
    }
    if (!Array.isArray(statements)) {
        console.error(`${argv[0]}: not a JSON array of statements`);
        return 1;
    }
    let problems = 0;
    statements.forEach((st, i) => {
        for (const w of validate(st)) {
            const path = Array.isArray(w.path) ? w.path.join('.') : String(w.path);
            const what = w.typeName ? `expected ${w.typeName}, got ${JSON.stringify(w.data)}` : w.constructor.name;
            console.error(`statement ${i} (${st && st.id}): ${path}: ${what}`);
            problems++;
        }
    });
    console.log(`${statements.length} statements, ${problems} problems`);
    return problems === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
