#!/usr/bin/env node
// Checks the statements `appraise debrief --xapi` writes for the fixture
// logs of tests/report/logs field by field, exported with
//   --xapi-homepage https://lms.example.org --xapi-base https://example.org/appraise/
// The ids are recomputed here, independently of libuuid, as name-based
// (SHA-1) UUIDs. Prints each mismatch; exits 1 when there is any.
'use strict';
const crypto = require('crypto');
const fs = require('fs');

const HOME = 'https://lms.example.org';
const BASE = 'https://example.org/appraise';
const EXT = `${BASE}/extensions/`;
const VERB = 'http://adlnet.gov/expapi/verbs/';

function uuid5(nsText, name) {
    const ns = Buffer.from(nsText.replace(/-/g, ''), 'hex');
    const h = crypto.createHash('sha1').update(ns).update(Buffer.from(name, 'utf8')).digest();
    h[6] = (h[6] & 0x0f) | 0x50;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
const URL_NS = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
const STATEMENT_NS = uuid5(URL_NS, 'urn:appraise:xapi-statement');

let failures = 0;
function expect(what, got, want) {
    if (JSON.stringify(got) !== JSON.stringify(want)) {
        console.error(`FAIL: ${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
        failures++;
    }
}

const all = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const S1 = 'aaaa0001-1b3d-4e5f-8a9b-0c1d2e3f4a01';
const S3 = 'aaaa0003-1b3d-4e5f-8a9b-0c1d2e3f4a03';
const S4 = 'aaaa0004-1b3d-4e5f-8a9b-0c1d2e3f4a04';
const S5 = 'aaaa0005-1b3d-4e5f-8a9b-0c1d2e3f4a05';
const of = (session, verb) =>
    all.filter((s) => s.context.registration === session && s.verb.id === VERB + verb);

// Five sessions: 5 initialized, 9 answered, 2 completed, 4 terminated (the
// incomplete one has neither).
expect('statement count', all.length, 20);
const count = (verb) => all.filter((s) => s.verb.id === VERB + verb).length;
expect('initialized', count('initialized'), 5);
expect('answered', count('answered'), 9);
expect('completed', count('completed'), 2);
expect('terminated', count('terminated'), 4);
expect('ids unique', new Set(all.map((s) => s.id)).size, all.length);
expect('incomplete session: no end statements', of(S4, 'terminated').length + of(S4, 'completed').length, 0);
expect('incomplete session: its decision is there', of(S4, 'answered').length, 1);

// t1's first decision, field by field.
const d = of(S1, 'answered')[0];
expect('id', d.id, uuid5(STATEMENT_NS, `${S1}/answered/1`));
expect('actor', d.actor, { objectType: 'Agent', account: { homePage: HOME, name: 't1' } });
expect('verb', d.verb, { id: VERB + 'answered', display: { en: 'answered' } });
expect('timestamp', d.timestamp, '2026-11-27T09:14:10.512Z');
expect('object id', d.object.id, `${BASE}/cases/ward/nodes/review`);
expect('interaction', d.object.definition.interactionType, 'choice');
expect('correct responses', d.object.definition.correctResponsesPattern, ['escalate']);
expect('choices', d.object.definition.choices.map((c) => c.id), ['escalate', 'wait']);
expect('response', d.result.response, 'escalate');
expect('success', d.result.success, true);
expect('duration', d.result.duration, 'PT4.25S');
expect('registration', d.context.registration, S1);
expect('parent', d.context.contextActivities.parent, [{ objectType: 'Activity', id: `${BASE}/cases/ward` }]);
const rx = d.result.extensions, cx = d.context.extensions;
expect('initial', rx[EXT + 'initial'], 'wait');
expect('trust', rx[EXT + 'trust'], 2);
expect('followed_ai', rx[EXT + 'followed_ai'], false);
expect('rationale', rx[EXT + 'rationale'], 'NEWS2 is rising & lactate <4>: "not" reassuring');
expect('ai', cx[EXT + 'ai'], 'wait');
expect('ai_confidence', cx[EXT + 'ai_confidence'], 0.72);
expect('ai_correct', cx[EXT + 'ai_correct'], false);
expect('timing', cx[EXT + 'timing'], 'after_initial');

// A timed-out decision: no response, success or duration; timed_out true.
const t = of(S3, 'answered')[2];
expect('timeout: response', t.result.response, undefined);
expect('timeout: success', t.result.success, undefined);
expect('timeout: duration', t.result.duration, undefined);
expect('timeout: flag', t.result.extensions[EXT + 'timed_out'], true);
expect('trainee id as given', t.actor.account.name, "O'Brien <Dr>");

// Session statements.
const init = of(S1, 'initialized')[0];
expect('initialized id', init.id, uuid5(STATEMENT_NS, `${S1}/initialized/0`));
expect('initialized object', init.object.id, `${BASE}/cases/ward`);
expect('initialized timestamp', init.timestamp, '2026-11-27T09:14:00.512Z');
const done = of(S1, 'completed')[0];
expect('completed', done.result.completion, true);
expect('completed outcomes', done.result.extensions[EXT + 'outcomes'], { good: 1, neutral: 0, harm: 0 });
expect('session duration', done.result.duration, 'PT22S');
const err = of(S5, 'terminated')[0];
expect('error status', err.result.extensions[EXT + 'status'], 'error');
expect('error message', err.result.extensions[EXT + 'error'], 'stroke.lua:42: attempt to index a nil value');
expect('quit status', of(S3, 'terminated')[0].result.extensions[EXT + 'status'], 'quit');

console.log(failures === 0 ? 'fields ok' : `${failures} field(s) wrong`);
process.exitCode = failures === 0 ? 0 : 1;
