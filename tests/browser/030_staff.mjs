// The staff journey of issue 10's "Done when", in Arabic and English at 1280
// and 390 pixels: a supervisor of the Ministry of Health drafts a
// consultation with dates that break every rule — all of them are reported
// at once, each next to its field — corrects them, adds an article and
// submits it; the coordinator reads the whole record and returns it (first
// without a reason: the message at the reason's field, then with one); the
// supervisor reads the reason, changes the English summary and the
// article and submits again; the coordinator sees what changed since the
// return (a word-level difference: the removed word struck through, the
// new one underlined) and forwards it; the liaison officer (second factor
// by TOTP) approves it.  Every page visited passes the four checks of
// lib.mjs (axe-core WCAG 2.1 AA, no horizontal scroll on the phone,
// user-written text isolated, the catalogue); staff tables scroll inside
// their own wrapper, never the page; touch targets are at least 24 × 24
// pixels.  Known failures: 030_staff.todo.
import { Tap, page, visit, signIn, checkPage, done, sql, sql1, LANGS, WIDTHS } from './lib.mjs';

const t = new Tap();

// The deployment's zone in the demo stack (UTC+3, like tests/http/044).
const ZONE = 3 * 3600 * 1000;
function local(ms) {
	return new Date(ms + ZONE).toISOString().slice(0, 16);
}
const DAY = 86400 * 1000;

// Follows a link or submits a form: waits for the page it leads to.
async function follow(p, locator) {
	const [resp] = await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
	return resp;
}

function path(p) {
	return new globalThis.URL(p.url()).pathname;
}

// User-written text on the staff pages: the activity's title, the people's
// names, what the author wrote (the record's cells, the articles), the
// return's reason.
const USER = ['.userbar .who', 'main h1 > bdi'];
const RECORD = [...USER, '#record td .wdiff', '.lead bdi'];

// Buttons, links and fields in the main content at least 24 × 24 pixels
// (WCAG 2.2 2.5.8, the "touch targets").
async function targets(p) {
	return await p.evaluate(() => {
		const bad = [];
		for (const el of document.querySelectorAll('main button, main .button, main input[type=submit], ' +
		    'main select, main input[type=text], main input[type=datetime-local], header a, header button')) {
			const b = el.getBoundingClientRect();
			if (b.width === 0 && b.height === 0)
				continue;
			if (b.width < 24 || b.height < 24)
				bad.push(`${el.outerHTML.slice(0, 80)} ${Math.round(b.width)}×${Math.round(b.height)}`);
		}
		return bad;
	});
}

async function check(p, label, isolate) {
	p.sharek.label = label;
	await checkPage(t, p, { isolate });
	const small = await targets(p);
	t.ok(small.length === 0, `${p.sharek.lang} ${p.sharek.width} ${label}: touch targets at least 24×24 px`,
		small.slice(0, 6).join('\n'));
}

let n = 0;
for (const lang of LANGS) {
	for (const width of WIDTHS) {
		const who = `${lang} ${width}`;
		const stamp = `${lang}-${width}-${Date.now()}`;
		n++;
		const sup = await page(lang, width);
		await signIn(sup, 'supervisor');

		// 1. A new draft whose dates break every rule at once.
		await visit(t, sup, '/staff/activities/new');
		await check(sup, '/staff/activities/new', USER.slice(0, 1));
		const now = Date.now();
		const pub = now + 2 * DAY;
		const titleAr = `مسودة تعليمات المختبرات للاختبار 030 ${stamp}`;
		const titleEn = `Draft laboratory instructions (test 030) ${stamp}`;
		await sup.fill('#f-title_ar', titleAr);
		await sup.fill('#f-title_en', titleEn);
		await sup.fill('#f-summary_ar', 'تنظم هذه التعليمات عمل المختبرات الطبية الخاصة.');
		await sup.fill('#f-summary_en', 'These instructions regulate private medical laboratories.');
		await sup.fill('#f-objectives_ar', 'رفع جودة الفحوص المخبرية.');
		await sup.fill('#f-objectives_en', 'Better laboratory tests.');
		await sup.locator('input[name="sectors"]').first().check();
		await sup.fill('#f-publish_at', local(now - DAY));		// in the past
		await sup.fill('#f-closes_at', local(now + 5 * DAY));		// under a month
		await sup.fill('#f-results_due_at', local(now + 3 * DAY));	// before closing
		await sup.fill('#f-final_publication_at', local(now + 2 * DAY));	// before results
		await follow(sup, sup.locator('form[action="/staff/activities/new"] button[type="submit"]'));
		const id = (path(sup).match(/^\/staff\/activities\/(\d+)$/) || [])[1];
		t.ok(!!id, `${who}: the draft is saved, broken dates and all`, sup.url());
		if (!id) {
			await sup.context().close();
			continue;
		}
		const page_ = `/staff/activities/${id}`;
		const warned = await sup.locator('#date-warnings li a').count();
		t.ok(warned === 4, `${who}: its page lists the four date problems at once, not "saved"`, String(warned));
		t.ok(await sup.locator('main .notice[role="status"]', { hasText: /^(Saved\.|حُفظ)/ }).count() === 0,
			`${who}: and does not just say "saved"`);
		await check(sup, '/staff/activities/{id} (dates broken)', RECORD);

		// Each problem next to its field, on the edit form.
		await visit(t, sup, `${page_}/edit`);
		for (const f of ['publish_at', 'closes_at', 'results_due_at', 'final_publication_at']) {
			const next = await sup.locator(`.field:has(#f-${f}) #w-${f}`).count();
			t.ok(next === 1, `${who}: the problem of ${f} is said next to its field`);
		}
		await check(sup, '/staff/activities/{id}/edit (dates broken)', USER.slice(0, 1));

		// Corrected dates, and the draft says nothing more.
		await sup.fill('#f-publish_at', local(pub));
		await sup.fill('#f-closes_at', local(pub + 35 * DAY));
		await sup.fill('#f-results_due_at', local(pub + 45 * DAY));
		await sup.fill('#f-final_publication_at', local(pub + 50 * DAY));
		await follow(sup, sup.locator(`form[action="${page_}/edit"] button[type="submit"]`));
		t.ok(await sup.locator('#date-warnings').count() === 0, `${who}: corrected dates: no problem left`);

		// An article in both languages, then submission.
		await sup.fill('#f-number_label', '1');
		await sup.fill('#f-title_ar', 'النطاق');
		await sup.fill('#f-title_en', 'Scope');
		await sup.fill('#f-body_ar', 'تسري هذه التعليمات على المختبرات الطبية الخاصة.');
		await sup.fill('#f-body_en', 'These instructions apply to private laboratories.');
		await follow(sup, sup.locator(`form[action="${page_}/articles"] button[type="submit"]`));
		await follow(sup, sup.locator(`form[action="${page_}/workflow"]:has(input[value="submit"]) button`));
		t.ok(sql1(`SELECT state FROM activities WHERE id = ${id}`) === 'submitted',
			`${who}: submitted to the coordinator`, sql1(`SELECT state FROM activities WHERE id = ${id}`));

		// 2. The coordinator reads the whole record and returns it.
		const co = await page(lang, width);
		await signIn(co, 'coordinator');
		await visit(t, co, page_);
		t.ok(await co.locator('#record td[lang="ar"]', { hasText: 'تنظم هذه التعليمات' }).count() === 1 &&
			await co.locator('#record td[lang="en"]', { hasText: 'regulate private medical' }).count() === 1,
			`${who}: the coordinator sees the summary in Arabic and English side by side`);
		t.ok(await co.locator('.article-review .body', { hasText: 'apply to private laboratories' }).count() === 1,
			`${who}: and the article in both languages`);
		await check(co, '/staff/activities/{id} (coordinator)', [...RECORD, '.article-review .body .wdiff']);
		const ret = co.locator(`form[action="${page_}/workflow"]:has(input[value="return"])`);
		await follow(co, ret.locator('button'));
		t.ok(await co.locator('.field:has(#f-reason) .msg').count() === 1,
			`${who}: returning without a reason: the message is at the reason's field`);
		await check(co, '/staff/activities/{id} (return refused)', RECORD);
		const reason = lang === 'ar' ? 'يرجى ذكر المختبرات الحكومية أيضاً.' : 'Please name the public laboratories too.';
		await co.locator('#f-reason').fill(reason);
		await follow(co, co.locator(`form[action="${page_}/workflow"]:has(input[value="return"]) button`));
		t.ok(sql1(`SELECT state FROM activities WHERE id = ${id}`) === 'returned', `${who}: returned with the reason`);

		// 3. The supervisor reads the reason and changes the texts.
		await visit(t, sup, page_);
		t.ok((await sup.locator('main').innerText()).includes(reason), `${who}: the author reads the reason`);
		await check(sup, '/staff/activities/{id} (returned)', [...RECORD, '.errors [dir="auto"]']);
		await visit(t, sup, `${page_}/edit`);
		await sup.fill('#f-summary_en', 'These instructions regulate private and public medical laboratories.');
		await follow(sup, sup.locator(`form[action="${page_}/edit"] button[type="submit"]`));
		const art = sup.locator('#articles .card form[action*="/articles/"]').first();
		await art.locator('textarea[name="body_ar"]').fill('تسري هذه التعليمات على المختبرات الطبية الخاصة والحكومية.');
		await follow(sup, art.locator('button[type="submit"]'));
		await follow(sup, sup.locator(`form[action="${page_}/workflow"]:has(input[value="submit"]) button`));
		t.ok(sql1(`SELECT state FROM activities WHERE id = ${id}`) === 'submitted', `${who}: submitted again`);

		// 4. The coordinator sees what changed since the return.
		await visit(t, co, page_);
		t.ok(await co.locator('#since-return').count() === 1, `${who}: a notice says what changed since the return`);
		const summary = co.locator('#record tr.differs td[lang="en"]', { hasText: 'regulate' });
		t.ok(await summary.locator('ins', { hasText: 'and public' }).count() === 1,
			`${who}: the English summary shows the added words underlined (<ins>)`,
			await co.locator('#record').innerText());
		t.ok(await co.locator('#record tr.differs td[lang="ar"] del').count() === 0 &&
			await co.locator('#record tr:not(.differs) del, #record tr:not(.differs) ins').count() === 0,
			`${who}: unchanged texts show no difference`);
		t.ok(await co.locator('.article-review.differs .body ins', { hasText: 'والحكومية' }).count() === 1,
			`${who}: the article shows its added word`);
		await check(co, '/staff/activities/{id} (difference since the return)',
			[...RECORD, '.article-review .body .wdiff']);
		await follow(co, co.locator(`form[action="${page_}/workflow"]:has(input[value="forward"]) button`));
		t.ok(sql1(`SELECT state FROM activities WHERE id = ${id}`) === 'approved', `${who}: forwarded to the liaison officer`);

		// 5. The liaison officer approves it.
		const li = await page(lang, width);
		await signIn(li, 'liaison');
		await visit(t, li, page_);
		t.ok(await li.locator('#since-return').count() === 1, `${who}: the liaison officer sees the difference too`);
		await check(li, '/staff/activities/{id} (liaison)', [...RECORD, '.article-review .body .wdiff']);
		await follow(li, li.locator(`form[action="${page_}/workflow"]:has(input[value="approve"]) button`));
		t.ok(sql1(`SELECT state FROM activities WHERE id = ${id}`) === 'scheduled',
			`${who}: approved, to be published on its date`);
		await check(li, '/staff/activities/{id} (approved)', RECORD);

		// The lists and the audit log on the way, as the liaison officer.
		await visit(t, li, '/staff/activities');
		await check(li, '/staff/activities', [...USER.slice(0, 1), 'td a[href^="/staff/activities/"] > bdi']);
		await visit(t, li, `/staff/audit?entity=${sql1("SELECT id FROM entities WHERE slug = 'moh'")}`);
		await check(li, '/staff/audit', USER.slice(0, 1));
		for (const c of [sup, co, li])
			await c.context().close();
		// The activity leaves nothing for the stack's tick to publish.
		sql(`UPDATE activities SET state = 'withdrawn' WHERE id = ${id}`);
	}
}

await done(t);
