// The first browser journey (issue 10's harness, proven): the public home,
// the consultations list and one consultation, in Arabic and English at 1280
// and 390 pixels, and the staff dashboard as a supervisor; every page passes
// the four checks of lib.mjs (axe-core WCAG 2.1 AA, no horizontal scroll,
// user-written text isolated, the catalogue).  What fails today is listed in
// 010_smoke.todo as "# TODO issue 10".
//
// The selectors below name the user-written text of each page: what staff,
// the ministry or citizens wrote (titles, summaries, entity names, article
// headings and texts, comments and their authors' names, the signed-in
// user's name).  Where the text has no element of its own today, the
// selector names the class it should get (.entity, .summary, .author,
// .heading); change them here together with the templates.
import { Tap, page, visit, signIn, checkPage, done, sql1, LANGS, WIDTHS } from './lib.mjs';

const t = new Tap();

const CARD = ['.card h3 a', '.card .entity', '.card .summary'];
const licensing = sql1("SELECT id FROM activities WHERE title_en LIKE 'Draft Regulation on Licensing%'");
t.ok(!!licensing, 'the demo consultation on licensing private health institutions is there');

const PUBLIC = [
	{ path: '/', isolate: CARD },
	{ path: '/consultations', isolate: CARD },
	{
		path: `/consultations/${licensing}`, label: '/consultations/{licensing}',
		isolate: ['.consultation h1', '.consultation .entity', '#h-summary + p', '.article .heading',
			'.article .body', '.comment .author', '.comment > p:not(.meta)'],
	},
];

for (const lang of LANGS) {
	for (const width of WIDTHS) {
		const p = await page(lang, width);
		for (const pg of PUBLIC) {
			p.sharek.label = pg.label;
			await visit(t, p, pg.path);
			t.ok(await p.evaluate((l) => document.documentElement.lang === l, lang),
				`${lang} ${width} ${pg.label || pg.path}: the page is in ${lang}`);
			await checkPage(t, p, { isolate: pg.isolate });
		}
		await p.context().close();
	}
}

// The language switch: from an Arabic page to the same page in English.
{
	const p = await page('ar', 1280);
	await visit(t, p, '/consultations');
	await Promise.all([p.waitForLoadState('load'), p.locator('.userbar a[hreflang="en"]').click()]);
	t.ok(new globalThis.URL(p.url()).pathname === '/consultations' &&
		await p.evaluate(() => document.documentElement.lang === 'en' && document.dir === 'ltr'),
		'the language switch leads to the same page in English', p.url());
	await p.context().close();
}

// The staff dashboard as a supervisor of the Ministry of Health.
for (const lang of LANGS) {
	for (const width of WIDTHS) {
		const p = await page(lang, width);
		await signIn(p, 'supervisor');
		p.sharek.label = '/staff/ (supervisor)';
		await visit(t, p, '/staff/');
		await checkPage(t, p, { isolate: ['.userbar .who', '?#h-wait ~ ul a'] });
		await p.context().close();
	}
}

await done(t);
