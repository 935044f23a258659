// tests/browser/lib.mjs — the harness of Sharek's browser tests
// (tests/browser/*.mjs, run by tests/run with `node` after the HTTP tests,
// against the same throwaway stack: $SHAREK_URL, $SHAREK_SQL, $SHAREK_VAR,
// $SHAREK_ROOT).
//
// npm's playwright-core (which ships no browser) drives Debian's chromium
// headless; npm's axe-core checks WCAG 2.1 AA.  Both are installed into
// tests/browser/node_modules by scripts/install-deps (package.json here).
//
// A test prints TAP like the other suites:
//
//   import { Tap, page, visit, signIn, checkPage, done } from './lib.mjs';
//   const t = new Tap();
//   const p = await page('en', 390);            // Arabic is the default
//   await visit(t, p, '/consultations');
//   await checkPage(t, p, { isolate: ['.card h3 a'] });
//   await done(t);
//
// Every page visited must pass four checks — axe(), noHorizontalScroll(),
// isolated(), catalogueCheck() — each one TAP line.  A check returns a list
// of failures {key, text}: key is short and stable (an axe rule, a
// selector, a msgid), text says exactly what and where.
//
// Known failures: a file beside the test, NAME.todo (010_smoke.mjs →
// 010_smoke.todo), lists "reason | label | key" lines.  A check whose every
// failure is listed there prints `not ok N - label # TODO reason` (counted
// by tests/run as a TODO, not a failure); a failure not listed fails as
// usual; a listed one that no longer happens is reported ("fixed now") so the
// line can go.  SHAREK_BROWSER_STRICT=1 ignores the file;
// SHAREK_BROWSER_TODO_WRITE=reason rewrites it from this run's failures.
// SHAREK_BROWSER_SHOTS=dir keeps a screenshot of every page with a failure.
import { chromium } from 'playwright-core';
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, basename } from 'node:path';
import { createRequire } from 'node:module';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = process.env.SHAREK_ROOT || join(HERE, '..', '..');
export const URL = (process.env.SHAREK_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const VAR = process.env.SHAREK_VAR || join(ROOT, 'var');
export const CHROMIUM = process.env.SHAREK_CHROMIUM || '/usr/bin/chromium';
export const DEMO_PASSWORD = 'sharek-demo-2026';
export const WIDTHS = [1280, 390];
export const LANGS = ['ar', 'en'];

// The demo accounts (README; tests/http/045_permissions.py): e-mail and the
// prefix of the program whose sign-in page they use.
export const ACCOUNTS = {
	citizen: { email: 'citizen@sharek.test', prefix: '' },
	admin: { email: 'admin@sharek.test', prefix: '/staff' },
	liaison: { email: 'liaison@moh.sharek.test', prefix: '/staff' },
	coordinator: { email: 'coordinator@moh.sharek.test', prefix: '/staff' },
	supervisor: { email: 'supervisor@moh.sharek.test', prefix: '/staff' },
};

// ---- TAP ------------------------------------------------------------------

function todoFile() {
	const main = process.argv[1] || '';
	return main.endsWith('.mjs') ? main.slice(0, -4) + '.todo' : null;
}

function readTodo(file) {
	const known = new Map();	// "label | key" -> reason
	if (!file || !existsSync(file) || process.env.SHAREK_BROWSER_STRICT === '1')
		return known;
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (!line.trim() || line.startsWith('#'))
			continue;
		const parts = line.split(' | ');
		if (parts.length < 3)
			continue;
		const [reason, label, ...key] = parts;
		known.set(label.trim() + ' | ' + key.join(' | ').trim(), reason.trim());
	}
	return known;
}

export class Tap {
	constructor() {
		this.n = 0;
		this.failed = 0;
		this.todo = 0;
		this.file = todoFile();
		this.known = readTodo(this.file);
		this.seen = new Set();
		this.found = [];	// [label, key] of every failure, for TODO_WRITE
		this.labels = new Set();	// of the checks run
	}

	diag(lines) {
		for (const l of [].concat(lines).join('\n').split('\n').slice(0, 40))
			console.log('#   ' + l);
	}

	ok(cond, desc, detail) {
		this.n++;
		console.log(`${cond ? 'ok' : 'not ok'} ${this.n} - ${desc}`);
		if (!cond) {
			this.failed++;
			if (detail !== undefined)
				this.diag(String(detail));
		}
		return cond;
	}

	// One check of one page: failures = [{key, text}].
	check(label, failures) {
		this.n++;
		this.labels.add(label);
		const fresh = [], known = [];
		const reasons = new Set();
		for (const f of failures) {
			const k = label + ' | ' + f.key;
			this.found.push([label, f.key]);
			this.seen.add(k);
			if (this.known.has(k)) {
				known.push(f);
				reasons.add(this.known.get(k));
			} else {
				fresh.push(f);
			}
		}
		if (failures.length === 0) {
			console.log(`ok ${this.n} - ${label}`);
		} else if (fresh.length === 0) {
			this.todo++;
			console.log(`not ok ${this.n} - ${label} # TODO ${[...reasons].join(', ')}`);
		} else {
			this.failed++;
			console.log(`not ok ${this.n} - ${label}`);
		}
		const lines = [];
		for (const f of fresh)
			lines.push(`[${f.key}] ${f.text}`);
		for (const f of known)
			lines.push(`[${f.key}] (known) ${f.text}`);
		if (lines.length)
			this.diag(lines);
		return failures.length === 0;
	}

	finish() {
		for (const [k, reason] of this.known)
			if (!this.seen.has(k) && this.checked(k))
				console.log(`# fixed now (${reason}), remove from ${basename(this.file)}: ${k}`);
		const write = process.env.SHAREK_BROWSER_TODO_WRITE;
		if (write && this.file) {
			const head = readFileSync(this.file, { flag: 'a+' }).toString()
				.split('\n').filter((l) => l.startsWith('#'));
			const uniq = [...new Set(this.found.map(([l, k]) => `${write} | ${l} | ${k}`))];
			writeFileSync(this.file, [...head, ...uniq].join('\n') + '\n');
			console.log(`# wrote ${uniq.length} known failures to ${this.file}`);
		}
		console.log(`1..${this.n}`);
		if (this.todo)
			console.log(`# ${this.todo} checks failing as known (TODO)`);
		return this.failed ? 1 : 0;
	}

	// Was the check that k belongs to run at all in this run?
	checked(k) {
		return this.labels.has(k.split(' | ')[0]);
	}
}
// ---- browser and pages ----------------------------------------------------

let browser = null;

async function launch() {
	if (!browser)
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			// root on the test machines: no sandbox.
			args: ['--no-sandbox', '--disable-dev-shm-usage'],
		});
	return browser;
}

// A fresh browser context (its own cookies) with one page, in the given
// language and viewport width; opts.role signs in at once.  The language
// is the site's `lang` cookie (what the language switch sets,
// fcgi/core/http.c); Accept-Language says the same.
export async function page(lang = 'ar', width = 1280, opts = {}) {
	const b = await launch();
	const ctx = await b.newContext({
		viewport: { width, height: width < 600 ? 844 : 900 },
		locale: lang === 'en' ? 'en-GB' : 'ar-JO',
		deviceScaleFactor: 1,
		isMobile: width < 600,
		hasTouch: width < 600,
	});
	const host = new globalThis.URL(URL).hostname;
	await ctx.addCookies([{ name: 'lang', value: lang, domain: host, path: '/' }]);
	const p = await ctx.newPage();
	p.sharek = { lang, width, path: null, errors: [] };
	p.on('pageerror', (e) => p.sharek.errors.push(String(e)));
	p.on('console', (m) => {
		if (m.type() === 'error')
			p.sharek.errors.push(`${m.text()} (${m.location().url || '?'})`);
	});
	if (opts.role)
		await signIn(p, opts.role);
	return p;
}

// Loads a path; one TAP line for its status (200 unless told).  Returns
// the response.
export async function visit(t, p, path, want = 200) {
	p.sharek.path = path;
	p.sharek.errors = [];
	let resp = null, err = null;
	try {
		resp = await p.goto(URL + path, { waitUntil: 'load' });
	} catch (e) {
		err = e;
	}
	const st = resp ? resp.status() : 0;
	t.ok(st === want, `${tag(p)}: GET ${path} answers ${want} (got ${st})`,
		err ? String(err) : undefined);
	return resp;
}

export function tag(p) {
	return `${p.sharek.lang} ${p.sharek.width} ${p.sharek.label || p.sharek.path}`;
}

export async function done(t) {
	if (browser)
		await browser.close();
	browser = null;
	process.exitCode = t.finish();
}

// ---- signing in -----------------------------------------------------------

// RFC 6238 TOTP (HMAC-SHA-1, 30 s, 6 digits: fcgi/core/totp.h) from an
// RFC 4648 base32 secret.
export function totp(secret, when = Date.now(), step = 30, digits = 6) {
	const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const c of secret.replace(/[\s=]/g, '').toUpperCase()) {
		const v = alpha.indexOf(c);
		if (v < 0)
			throw new Error(`totp: not base32: ${c}`);
		bits += v.toString(2).padStart(5, '0');
	}
	const key = Buffer.alloc(Math.floor(bits.length / 8));
	for (let i = 0; i < key.length; i++)
		key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(when / 1000 / step)));
	const h = createHmac('sha1', key).update(counter).digest();
	const o = h[h.length - 1] & 0xf;
	const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
	return String(n % 10 ** digits).padStart(digits, '0');
}

// HOOK for the staff's second factor (TOTP; mandatory for the ministry's
// administrators and liaison officers, offered to the others).  After the
// password, signIn() follows what the pages ask:
//   * a one-time code (an input autocomplete=one-time-code, name=code or
//     name=totp): computed with totp() from the account's base32 secret,
//     found, in order, by
//       1. hooks.totpSecret(email, role), if a test sets it;
//       2. $SHAREK_TOTP_SECRETS: JSON {"email": "BASE32", ...};
//       3. the file $SHAREK_VAR/totp/<email> (the test setup, or an
//          earlier enrolment in this stack, writes it);
//       4. the key the page itself shows (the enrolment page:
//          #totp-secret, [data-totp-secret], or base32 in groups of four);
//   * the first step of an enrolment (a form posting to …/2fa/enrol/start):
//     begun;
//   * the recovery codes shown once after an enrolment (.recovery-codes):
//     kept in recoveryCodes[email], then the page's link followed.
// A secret learnt on an enrolment page is written to $SHAREK_VAR/totp/ for
// the next test files of the same stack.
export const hooks = { totpSecret: null };
export const recoveryCodes = {};
const secrets = new Map();
const lastStep = new Map();

async function totpSecretFor(p, email, role) {
	if (hooks.totpSecret) {
		const s = await hooks.totpSecret(email, role);
		if (s)
			return s;
	}
	// The page's own key first: on an enrolment page it is the new one.
	const shown = await p.evaluate(() => {
		const el = document.querySelector('#totp-secret, [data-totp-secret]');
		if (el)
			return el.getAttribute('data-totp-secret') || el.textContent.trim();
		const m = document.body.innerText.match(/\b(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}\b/);
		return m ? m[0] : null;
	});
	if (shown) {
		const dir = join(VAR, 'totp');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, email), shown.replace(/\s+/g, '') + '\n', { mode: 0o600 });
		return shown;
	}
	if (secrets.has(email))
		return secrets.get(email);
	if (process.env.SHAREK_TOTP_SECRETS) {
		const m = JSON.parse(process.env.SHAREK_TOTP_SECRETS);
		if (m[email])
			return m[email];
	}
	const f = join(VAR, 'totp', email);
	if (existsSync(f))
		return readFileSync(f, 'utf8').trim();
	return null;
}

const CODE_INPUT = 'input[autocomplete="one-time-code"], input[name="code"], input[name="totp"]';

// A code for a step not used before by this account (the server refuses a
// replayed step: user_totp.last_step), waiting for the next step if needed.
async function freshCode(secret, email) {
	let step = Math.floor(Date.now() / 30000);
	if (lastStep.get(email) >= step) {
		await new Promise((r) => setTimeout(r, (step + 1) * 30000 - Date.now() + 200));
		step = Math.floor(Date.now() / 30000);
	}
	lastStep.set(email, step);
	return totp(secret, step * 30000);
}

async function submitting(p, locator) {
	await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

const sessions = new Map();	// role -> cookies of a signed-in session

// Signs the page's context in as a demo role through the sign-in form (the
// citizen on /login, staff on /staff/login), then any second-factor step
// (above); a later call for the same role reuses that session's cookies
// (no second password hash, no second one-time code); opts.fresh signs in
// anew.  Throws when it does not end signed in.
export async function signIn(p, role, opts = {}) {
	const acct = ACCOUNTS[role];
	if (!acct)
		throw new Error(`signIn: no such role ${role}`);
	const ctx = p.context();
	if (sessions.has(role) && !opts.fresh) {
		await ctx.addCookies(sessions.get(role));
		return p;
	}
	await p.goto(`${URL}${acct.prefix}/login`);
	const form = p.locator('form[action$="/login"]').first();
	await form.locator('input[name="email"]').fill(acct.email);
	await form.locator('input[name="password"]').fill(opts.password || DEMO_PASSWORD);
	await submitting(p, form.locator('button[type="submit"]'));
	for (let i = 0; i < 5; i++) {
		const code = p.locator(CODE_INPUT).first();
		if (await code.count()) {
			const secret = await totpSecretFor(p, acct.email, role);
			if (!secret)
				throw new Error(`signIn(${role}): ${p.url()} asks for a one-time code and no TOTP ` +
					`secret is known for ${acct.email} (see hooks.totpSecret in tests/browser/lib.mjs)`);
			secrets.set(acct.email, secret);
			await code.fill(await freshCode(secret, acct.email));
			await submitting(p, code.locator('xpath=ancestor::form').locator('button[type="submit"]').first());
			continue;
		}
		const begin = p.locator('form[action$="/2fa/enrol/start"] button[type="submit"]').first();
		if (await begin.count()) {
			await submitting(p, begin);
			continue;
		}
		if (await p.locator('.recovery-codes').count()) {
			recoveryCodes[acct.email] = await p.locator('.recovery-codes code').allTextContents();
			await submitting(p, p.locator('.recovery-codes ~ p a[href]').first());
			continue;
		}
		break;
	}
	if (!(await p.locator('form[action$="/logout"]').count()) || /\/login(\/|\?|$)/.test(new globalThis.URL(p.url()).pathname))
		throw new Error(`signIn(${role}): not signed in after the form; at ${p.url()}:\n` +
			(await p.locator('main').innerText().catch(() => '')).slice(0, 500));
	const host = new globalThis.URL(URL).hostname;
	sessions.set(role, (await ctx.cookies()).filter((c) => c.domain === host && c.name !== 'lang'));
	return p;
}

// ---- the database -----------------------------------------------------------

// Runs a query with the admin account ($SHAREK_SQL); rows of strings.
export function sql(query) {
	const cmd = (process.env.SHAREK_SQL || 'mariadb -N -B sharek').split(/\s+/);
	const out = execFileSync(cmd[0], [...cmd.slice(1), '-e', query], { encoding: 'utf8' });
	return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

export function sql1(query) {
	const rows = sql(query);
	return rows.length ? rows[0][0] : null;
}

// ---- check 1: axe-core ------------------------------------------------------

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe-core's WCAG 2.0/2.1 A and AA rules.  Injected with evaluate (not a
// <script> tag: the site's Content-Security-Policy, script-src 'self',
// refuses inline scripts, and must stay on while testing).
export async function axe(p) {
	await p.evaluate(AXE);
	const res = await p.evaluate(async () => {
		const r = await window.axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			resultTypes: ['violations'],
		});
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
		}));
	});
	return res.map((v) => ({
		key: v.id,
		text: `${v.impact}: ${v.help} — ${v.nodes.length} element(s):\n` +
			v.nodes.slice(0, 8).map((n) => `    ${n.target}  ${short(n.html, 120)}` +
				(n.summary ? `\n      ${short(n.summary.replace(/\s+/g, ' '), 200)}` : '')).join('\n') +
			(v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : ''),
	}));
}

function short(s, n) {
	s = String(s).replace(/\s+/g, ' ').trim();
	return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

// ---- check 2: no horizontal scrolling -----------------------------------------

// The page is no wider than the viewport (1 px of rounding allowed); the
// failure names the widest elements that stick out.
export async function noHorizontalScroll(p) {
	// The width asked for, not innerWidth: a phone's browser zooms out to
	// show a page wider than the device (innerWidth grows with it).
	const r = await p.evaluate((vw) => {
		const sw = document.documentElement.scrollWidth;
		const out = [];
		if (sw > vw + 1) {
			for (const el of document.body.querySelectorAll('*')) {
				const b = el.getBoundingClientRect();
				if (b.width === 0 || (b.right <= vw + 1 && b.left >= -1))
					continue;
				// Only the outermost offender of each branch that is not
				// itself inside a scrolling box.
				let inner = false;
				for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
					const s = getComputedStyle(a);
					if (/(auto|scroll|hidden|clip)/.test(s.overflowX)) { inner = true; break; }
				}
				if (inner)
					continue;
				const d = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
					(el.classList.length ? '.' + [...el.classList].join('.') : '');
				out.push({ d, w: Math.round(b.width), l: Math.round(b.left), r: Math.round(b.right),
					text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60) });
			}
		}
		return { vw, sw, out };
	}, p.viewportSize().width);
	if (r.sw <= r.vw + 1)
		return [];
	// The deepest offenders say most; keep a handful.
	const lines = r.out.slice(-12).map((o) => `    ${o.d} spans ${o.l}..${o.r} px (${o.w} wide): ${o.text}`);
	return [{ key: 'scroll', text: `the page is ${r.sw} px wide in a ${r.vw} px viewport; sticking out:\n` +
		lines.join('\n') }];
}

// ---- check 3: user-written text is isolated ---------------------------------

// selectors: CSS selectors of user-written text on this page (names,
// comments, titles, summaries…).  Each matched element must be a <bdi>,
// have dir="auto", or have a <bdi>/[dir=auto] ancestor within its block
// (the walk up stops at the first block-level box, inclusive).  A selector
// that matches nothing is a failure too (the page does not mark that text
// at all), unless it starts with "?" (optional: e.g. a list that may be
// empty).
export async function isolated(p, selectors) {
	const res = await p.evaluate((sels) => {
		const isIso = (el) => el.localName === 'bdi' || (el.getAttribute('dir') || '').toLowerCase() === 'auto';
		const isBlock = (el) => {
			const d = getComputedStyle(el).display;
			return !(d.startsWith('inline') || d === 'contents' || d === 'ruby' || d === 'none');
		};
		const out = [];
		for (const raw of sels) {
			const optional = raw.startsWith('?');
			const sel = optional ? raw.slice(1) : raw;
			const els = [...document.querySelectorAll(sel)];
			if (!els.length) {
				if (!optional)
					out.push({ sel: raw, n: 0, bad: [] });
				continue;
			}
			const bad = [];
			for (const el of els) {
				let ok = false;
				for (let a = el; a && a !== document.body; a = a.parentElement) {
					if (isIso(a)) { ok = true; break; }
					if (isBlock(a))
						break;
				}
				if (!ok)
					bad.push(el.outerHTML.replace(/\s+/g, ' ').slice(0, 140));
			}
			if (bad.length)
				out.push({ sel: raw, n: els.length, bad });
		}
		return out;
	}, selectors);
	return res.map((r) => ({
		key: r.sel,
		text: r.n === 0
			? `no element matches ${r.sel}: this user-written text is not marked (or isolated) at all`
			: `${r.bad.length} of ${r.n} element(s) matching ${r.sel} not isolated (no bdi or dir="auto" within the block):\n` +
				r.bad.slice(0, 6).map((h) => '    ' + h).join('\n') +
				(r.bad.length > 6 ? `\n    … and ${r.bad.length - 6} more` : ''),
	}));
}

// ---- check 4: the catalogue --------------------------------------------------

// views/locale/<lang>.po as [{id, str}] (multi-line strings joined).
export function readPo(lang) {
	const text = readFileSync(join(ROOT, 'views', 'locale', `${lang}.po`), 'utf8');
	const out = [];
	let cur = null, field = null;
	const unq = (s) => JSON.parse(s.replace(/\\([^"\\nt])/g, '$1'));
	for (const line of text.split('\n')) {
		let m;
		if ((m = line.match(/^msgid (".*")$/))) {
			if (cur) out.push(cur);
			cur = { id: unq(m[1]), str: '' };
			field = 'id';
		} else if ((m = line.match(/^msgstr (".*")$/)) && cur) {
			cur.str = unq(m[1]);
			field = 'str';
		} else if ((m = line.match(/^(".*")$/)) && cur && field) {
			cur[field] += unq(m[1]);
		} else if (!line.startsWith('"')) {
			field = field === 'str' ? null : field;
		}
	}
	if (cur) out.push(cur);
	return out.filter((e) => e.id !== '');
}

let uiStrings = null;

// The English UI strings that must not show on an Arabic page: every
// msgid whose Arabic differs from it, cut at its placeholders (%s, %d,
// %1$s…) into the literal pieces that have a word of two letters or more.
function englishUi() {
	if (uiStrings)
		return uiStrings;
	const seen = new Map();
	for (const e of readPo('ar')) {
		if (e.str === e.id || e.id.includes('\n'))
			continue;
		for (const piece of e.id.split(/%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:l|ll|z|h)?[sdiufgcx%]/)) {
			const s = piece.trim().replace(/^[\s:·,.;()—-]+|[\s:·,.;()—-]+$/g, '');
			if (/[A-Za-z]{2,}/.test(s) && !seen.has(s))
				seen.set(s, e.id);
		}
	}
	uiStrings = [...seen].map(([s, id]) => ({
		s, id, re: new RegExp('(?<![A-Za-z])' + s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?![A-Za-z])', 'g'),
	})).sort((a, b) => b.s.length - a.s.length);
	return uiStrings;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+/;

// The UI text of the page: every text node of the title and body, and the
// attributes people read or hear (alt, title, placeholder, aria-label,
// the value of buttons), outside what is marked as user content: <bdi>,
// [dir=auto], an element whose lang differs from the page's, form fields'
// values, code/kbd/samp, script/style/template.
async function uiText(p) {
	return await p.evaluate(() => {
		const page = (document.documentElement.lang || '').toLowerCase().split('-')[0];
		const user = (el) => {
			for (let a = el; a; a = a.parentElement) {
				const n = a.localName;
				if (n === 'bdi' || n === 'code' || n === 'kbd' || n === 'samp' || n === 'textarea' ||
				    n === 'script' || n === 'style' || n === 'template' || n === 'noscript')
					return true;
				if ((a.getAttribute('dir') || '').toLowerCase() === 'auto')
					return true;
				if (a.hasAttribute('lang'))
					return (a.getAttribute('lang') || '').toLowerCase().split('-')[0] !== page;
			}
			return false;
		};
		const desc = (a) => {
			const id = a.id && !/\d/.test(a.id) ? a.id : '';
			return a.localName + (id ? '#' + id : [...a.classList].map((c) => '.' + c).join(''));
		};
		const where = (el) => {
			// Ids with digits (c6, article-1) depend on the data: classes then.
			for (let a = el; a; a = a.parentElement)
				if ((a.id && !/\d/.test(a.id)) || a.classList.length || a.localName === 'main' || a.localName === 'body')
					return desc(a);
			return '?';
		};
		const out = [{ text: document.title, where: 'title' }];
		const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = w.nextNode(); n; n = w.nextNode()) {
			const t = n.nodeValue.replace(/\s+/g, ' ').trim();
			if (t && !user(n.parentElement))
				out.push({ text: t, where: where(n.parentElement) });
		}
		for (const el of document.body.querySelectorAll('[alt], [title], [placeholder], [aria-label], ' +
		    'input[type=submit][value], input[type=button][value], input[type=reset][value]')) {
			if (user(el))
				continue;
			for (const a of ['alt', 'title', 'placeholder', 'aria-label', 'value']) {
				if (a === 'value' && !(el.localName === 'input' && /^(submit|button|reset)$/i.test(el.type)))
					continue;
				const v = (el.getAttribute(a) || '').trim();
				if (v)
					out.push({ text: v, where: desc(el) + `[${a}]` });
			}
		}
		return out;
	});
}

// Arabic pages show no English UI string (a msgid of views/locale/ar.po
// whose Arabic differs), English pages no Arabic letter, outside user
// content.  Other Latin words on an Arabic page are not failures (names of
// products, "PDF", e-mail addresses) but are listed in opts.notes.
export async function catalogueCheck(p, lang, opts = {}) {
	lang = lang || p.sharek.lang;
	const items = await uiText(p);
	const fails = new Map();	// key -> [where: text]
	const add = (key, line) => {
		if (!fails.has(key)) fails.set(key, []);
		fails.get(key).push(line);
	};
	if (lang === 'ar') {
		const ui = englishUi();
		for (const it of items) {
			const spans = [];
			for (const u of ui) {
				u.re.lastIndex = 0;
				let m;
				while ((m = u.re.exec(it.text))) {
					const a = m.index, b = a + m[0].length;
					if (!spans.some(([x, y]) => x <= a && b <= y))
						spans.push([a, b, u]);
				}
			}
			for (const [, , u] of spans)
				add(`"${u.s}"`, `${it.where}: ${short(it.text, 100)}`);
			let rest = it.text;
			for (const [a, b] of [...spans].sort((x, y) => y[0] - x[0]))
				rest = rest.slice(0, a) + ' ' + rest.slice(b);
			const latin = rest.match(/[A-Za-z][A-Za-z'-]+/g);
			if (latin && opts.notes)
				opts.notes.push(`${it.where}: ${latin.join(' ')}`);
		}
	} else {
		for (const it of items)
			if (ARABIC.test(it.text))
				add(`arabic in ${it.where}`, short(it.text, 100));
	}
	return [...fails].map(([key, lines]) => ({
		key,
		text: (lang === 'ar' ? 'English UI string on the Arabic page: ' : 'Arabic text on the English page, not marked as user content: ') +
			`${lines.length}×\n` + [...new Set(lines)].slice(0, 4).map((l) => '    ' + l).join('\n'),
	}));
}

// ---- all four -------------------------------------------------------------

// Runs the four checks on the page as it is now, one TAP line each, labelled
// "<lang> <width> <label or path>: <check>".  opts.isolate: selectors of
// user-written text (isolated()).
export async function checkPage(t, p, opts = {}) {
	const base = tag(p);
	let failed = false;
	const run = async (name, fn) => {
		let f;
		try {
			f = await fn();
		} catch (e) {
			f = [{ key: 'error', text: `the check itself failed: ${e.stack || e}` }];
		}
		if (!t.check(`${base}: ${name}`, f))
			failed = true;
	};
	await run('axe WCAG 2.1 AA', () => axe(p));
	await run('no horizontal scroll', () => noHorizontalScroll(p));
	await run('user-written text isolated', () => isolated(p, opts.isolate || []));
	const notes = [];
	await run('catalogue', () => catalogueCheck(p, p.sharek.lang, { notes }));
	if (notes.length && process.env.SHAREK_BROWSER_NOTES === '1')
		t.diag(['Latin text on the Arabic page (not a failure):', ...new Set(notes)]);
	if (p.sharek.errors.length)
		t.diag(['browser console errors:', ...p.sharek.errors]);
	const shots = process.env.SHAREK_BROWSER_SHOTS;
	if (failed && shots) {
		mkdirSync(shots, { recursive: true });
		await p.screenshot({ path: join(shots, base.replace(/[^A-Za-z0-9]+/g, '_') + '.png'), fullPage: true });
	}
	return !failed;
}
