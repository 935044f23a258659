// The harness checks themselves (lib.mjs), on pages written here: each
// check finds what it must find and passes what it must pass, so a broken
// check cannot pass every page of the other browser tests unnoticed.  Needs
// no stack.
import { Tap, page, done, axe, noHorizontalScroll, isolated, catalogueCheck, totp, readPo } from './lib.mjs';

const t = new Tap();
const keys = (fs) => fs.map((f) => f.key).sort();
const same = (got, want, desc) => t.ok(JSON.stringify(got) === JSON.stringify(want), desc,
	`got  ${JSON.stringify(got)}\nwant ${JSON.stringify(want)}`);
const doc = (lang, body) => `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">` +
	`<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
	`<title>${lang === 'ar' ? 'تجربة' : 'Test'}</title></head><body><main>${body}</main></body></html>`;

const p = await page('en', 390);

// axe-core runs and reports by rule.
await p.setContent(doc('en', '<h1>A page</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button>'));
const ax = await axe(p);
t.ok(ax.some((f) => f.key === 'image-alt') && ax.some((f) => f.key === 'button-name'),
	'axe: an image without alt and an empty button are violations', JSON.stringify(keys(ax)));
await p.setContent(doc('en', '<h1>A page</h1><p>Text.</p><button>Send</button>'));
same(keys(await axe(p)), [], 'axe: a plain page has no violation');

// Horizontal scrolling, both directions; a table scrolling in its own box is fine.
await p.setContent(doc('en', '<div class="wide" style="width:600px">wide</div>'));
let hs = await noHorizontalScroll(p);
t.ok(hs.length === 1 && /px wide in a 390 px viewport/.test(hs[0].text) && /div\.wide/.test(hs[0].text),
	'scroll: a 600 px block in a 390 px viewport is found, and named', hs.map((f) => f.text).join('\n'));
await p.setContent(doc('ar', '<div class="wide" style="width:600px">عريض</div>'));
same(keys(await noHorizontalScroll(p)), ['scroll'], 'scroll: the same in a right-to-left page');
await p.setContent(doc('en', '<div style="overflow-x:auto"><table style="width:900px"><tr><td>x</td></tr></table></div>'));
same(keys(await noHorizontalScroll(p)), [], 'scroll: a wide table inside its own scrolling box is fine');

// Isolation of user-written text.
await p.setContent(doc('en', `
	<p><bdi class="name">Sara</bdi> wrote</p>
	<p dir="auto" class="c"><a class="title" href="#">عنوان</a></p>
	<p class="meta"><span class="who">أحمد</span> · 1 May</p>
	<div dir="auto"><p><span class="deep">نص</span></p></div>`));
same(keys(await isolated(p, ['.name', '.title', '.c', '.who', '.deep', '.nothing', '?.optional'])),
	['.deep', '.nothing', '.who'],
	'isolated: bdi, dir=auto on the element or an ancestor in its block pass; a span in a plain line, ' +
	'an isolate beyond the block and a selector matching nothing fail');

// The catalogue: English UI strings on an Arabic page, Arabic on an English one.
const signIn = readPo('ar').find((e) => e.id === 'Sign in');
t.ok(signIn && signIn.str === 'تسجيل الدخول', 'the Arabic catalogue is read (Sign in → تسجيل الدخول)');
await p.setContent(doc('ar', `
	<p>${signIn.str}</p><p>Please Sign in here</p><p>Signing in</p>
	<bdi>Sign out</bdi><p lang="en">Sign out</p><p dir="auto">Sign out</p><code>Sign out</code>
	<input value="Sign out" aria-label="Search"><textarea>Sign out</textarea>`));
same(keys(await catalogueCheck(p, 'ar')), ['"Search"', '"Sign in"'],
	'catalogue (ar): an English msgid in the text or in an aria-label fails, as a whole word; ' +
	'bdi, dir=auto, another lang, code and form values are user content');
await p.setContent(doc('en', `
	<p class="x">Home</p><p class="y">الرئيسية</p><a lang="ar" href="#">العربية</a>
	<p dir="auto">تعليق</p><bdi>اسم</bdi><img alt="صورة" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">`));
same(keys(await catalogueCheck(p, 'en')), ['arabic in img[alt]', 'arabic in p.y'].sort(),
	'catalogue (en): Arabic letters outside user content fail (text and alt), named by where they are');

// TOTP (RFC 6238 appendix B: SHA-1, T = 59 s, 8 digits) for the second factor of signIn().
t.ok(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59000, 30, 8) === '94287082' &&
	totp('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ', 1111111109000, 30, 8) === '07081804',
	'totp: the RFC 6238 test vectors');

await p.context().close();
await done(t);
