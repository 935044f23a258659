// The citizen's survey journey (issue 12), in Arabic and English at 1280
// and 390 pixels: the demo survey's first page, an age out of its range
// refused with the message at its question and the other answers kept,
// then Next to the second section (shown after a visit: the condition's
// "yes" branch), Back to the first page with every answer kept.  Nothing
// is sent, so the demo's responses stay as they are.  Every page passes
// the four checks of lib.mjs (axe, no horizontal scroll, isolation,
// catalogue).
import { Tap, page, visit, signIn, checkPage, done, sql1, LANGS, WIDTHS } from './lib.mjs';

const t = new Tap();
const sv = sql1("SELECT id FROM activities WHERE title_en LIKE 'Survey of patients%'");
t.ok(!!sv, 'the demo survey is there');
const q = (pos, sec) => sql1(`SELECT q.id FROM questions q JOIN question_sections s ON s.id = q.section_id
	WHERE q.activity_id = ${sv} AND s.position = ${sec} AND q.position = ${pos}`);
const QN = q(2, 1);	// the age: its message is #e-q<id>; answers are slots a0 (visit), a1 (age), a4 (second section)
const ISO = ['.userbar .who'];

async function go(p, value) {
	await Promise.all([p.waitForNavigation({ waitUntil: 'load' }),
		p.locator(`button[name="go"][value="${value}"]`).click()]);
}

for (const lang of LANGS) {
	for (const width of WIDTHS) {
		const who = `${lang} ${width}`;
		const p = await page(lang, width);
		await signIn(p, 'citizen');
		await visit(t, p, `/consultations/${sv}/survey`);
		await checkPage(t, p, { isolate: ISO });
		// An age under the survey's minimum: refused at its question.
		await p.locator(`input[name="a0"][value="yes"]`).check();
		await p.locator(`input[name="a1"]`).fill('5');
		await go(p, 'next');
		t.ok(await p.locator(`#e-q${QN}`).count() === 1, `${who}: the age out of range has its message at the question`);
		t.ok(await p.locator(`input[name="a0"][value="yes"]`).isChecked(), `${who}: the visit answered is kept`);
		t.ok(await p.locator(`input[name="a1"]`).inputValue() === '5', `${who}: the age typed is kept`);
		await checkPage(t, p, { isolate: ISO });
		await p.locator(`input[name="a1"]`).fill('34');
		await go(p, 'next');
		t.ok(await p.locator(`input[name="a4"]:not([type="hidden"])`).count() > 0 && await p.locator(`input[name="a1"]:not([type="hidden"])`).count() === 0, `${who}: after a visit, Next shows the second section`);
		await checkPage(t, p, { isolate: ISO });
		await go(p, 'back');
		t.ok(await p.locator(`input[name="a0"][value="yes"]`).isChecked()
			&& await p.locator(`input[name="a1"]`).inputValue() === '34', `${who}: Back keeps the first page's answers`);
		await p.context().close();
	}
}
await done(t);
