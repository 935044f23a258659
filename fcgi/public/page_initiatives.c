/*
 * page_initiatives.c — citizen initiatives, public side (issue 19;
 * domain.md §2, the collaboration axis; fcgi/domain/initiative.h).
 *
 * GET  /initiatives                 ini_list_params: entity (a slug),
 *                                   state, before (keyset) → the
 *                                   initiatives past their admission,
 *                                   newest first, 20 a page, each with
 *                                   its progress toward its threshold
 *                                   (online and paper supports).
 *                                   Anyone.  View public/initiatives.
 * GET  /initiatives/new             the form (signed-in users).
 *                                   View public/initiative_form.
 * POST /initiatives/new             ini_new_params → 303
 *                                   /initiatives/{id}: submitted to the
 *                                   entity, or a draft while the named
 *                                   co-promoters are asked to confirm
 *                                   (each gets a signed link by e-mail).
 *                                   Bad input: 422 at its field,
 *                                   everything typed kept.
 * GET  /initiatives/{id}            the initiative, its supports, its
 *                                   decision and answer; drafts and
 *                                   pending ones for their author only
 *                                   (404 for anyone else).  View
 *                                   public/initiative.
 * POST /initiatives/{id}/support    one support per account (a second
 *                                   one is stored once) → 303
 *                                   /initiatives/{id}#support; 409 when
 *                                   not collecting.  Signed-in users.
 * POST /initiatives/{id}/submit     the author sends a draft to the
 *                                   entity (403 for anyone else).
 * GET  /initiatives/{id}/confirm    ini_confirm_params: sig → the
 * POST /initiatives/{id}/confirm    co-promoter's confirmation (the link
 *                                   of the e-mail; 404 for a wrong one).
 *                                   View public/initiative_confirm.
 * GET  /feeds/initiatives.atom      the 50 newest admitted initiatives
 *                                   (Atom, RFC 4287; ids tag URIs
 *                                   tag:HOST,DATE:initiative-ID).
 * Titles, texts and answers are user text: isolated.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "db.h"
#include "http.h"
#include "initiative.h"
#include "names.h"
#include "present.h"
#include "present_public.h"
#include "public.h"
#include "sql_gen.h"
#include "vm.h"
#include "xmlw.h"

#define INI_SHOWN	20
#define INI_FEED_ENTRIES	50

const struct param ini_list_params[IL__MAX] = {
	[IL_ENTITY] = { .name = "entity", .type = PT_STR, .min = 1,
	    .max = 40, .valid = http_valid_slug,
	    .label = N_("Government entity") },
	[IL_STATE] = { .name = "state", .type = PT_ENUM,
	    .choices = ini_state_names, .choice_labels = ini_state_labels,
	    .label = N_("State") },
	[IL_BEFORE] = { .name = "before", .type = PT_INT, .min = 1,
	    .max = 1LL << 50 },
};

const struct param ini_new_params[INK__MAX] = {
	[INK_ENTITY] = { .name = "entity", .type = PT_STR, .flags = P_REQ,
	    .min = 1, .max = 40, .valid = http_valid_slug,
	    .label = N_("Addressed to"),
	    .hint = N_("The government entity that must decide on it.") },
	[INK_TITLE] = { .name = "title", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 5, .max = 300,
	    .label = N_("Title") },
	[INK_BODY] = { .name = "body", .type = PT_TEXT, .flags = P_REQ,
	    .min = 20, .max = 10000, .label = N_("Description"),
	    .hint = N_("The problem and the project you propose.") },
	[INK_ASK] = { .name = "ask", .type = PT_TEXT, .flags = P_REQ,
	    .min = 5, .max = 3000, .label = N_("What you ask the entity"),
	    .hint = N_("The decision or action you expect from it.") },
	[INK_CATEGORY] = { .name = "category", .type = PT_ENUM,
	    .choices = ini_category_names,
	    .choice_labels = ini_category_labels, .label = N_("Category") },
	[INK_PROMOTERS] = { .name = "promoters", .type = PT_TEXT,
	    .max = 1500, .label = N_("Co-promoters (optional)"),
	    .hint = N_("Up to five e-mail addresses, one a line. Each gets "
	    "a link to confirm; the initiative goes to the entity when you "
	    "submit it.") },
};

const struct param ini_confirm_params[IC__MAX] = {
	[IC_SIG] = { .name = "sig", .type = PT_STR, .flags = P_REQ | P_QUERY,
	    .min = 64, .max = 128 },
	[IC_DONE] = { .name = "done", .type = PT_BOOL },
};

/* The reader's view of an initiative's progress and dates. */
static void
ini_model(struct req *r, struct val *it, const struct initiative *ini)
{
	long long	 total = initiative_total(ini);
	int		 cat = names_find(ini_category_names, INI_CATEGORIES,
	    ini->category);

	vm_strf(it, "id", "%llu", ini->id);
	vm_str(it, "title", ini->title);
	vm_str(it, "state", ini_state_names[ini->state]);
	vm_str(it, "state_label", present_label(r, ini_state_labels,
	    INI__MAX, ini->state));
	vm_str(it, "category", cat < INI_CATEGORIES ?
	    tr(r, ini_category_labels[cat]) : NULL);
	vm_str(it, "entity", present_pick(r, ini->entity_name_ar,
	    ini->entity_name_en));
	vm_str(it, "entity_slug", ini->entity_slug);
	vm_int(it, "online", ini->supporters);
	vm_int(it, "paper", ini->paper);
	vm_int(it, "total", total);
	if (ini->threshold > 0) {
		vm_int(it, "threshold", ini->threshold);
		vm_int(it, "bar", total < ini->threshold ? total :
		    ini->threshold);
		vm_int(it, "pct", initiative_progress(total, ini->threshold));
	}
	vm_str(it, "submitted", present_date(r, ini->submitted));
	vm_str(it, "admit_due", ini->state == INI_PENDING ?
	    present_date(r, ini->admit_due) : NULL);
	vm_str(it, "closes", ini->state == INI_PUBLISHED ?
	    present_date(r, ini->supports_close) : NULL);
	vm_str(it, "answer_due", ini->state == INI_THRESHOLD ?
	    present_date(r, ini->answer_due) : NULL);
	if (ini->state == INI_THRESHOLD && ini->days_late > 0)
		vm_int(it, "days_late", ini->days_late);
	vm_str(it, "outcome", ini->outcome >= 0 ? tr(r,
	    ini_outcome_labels[ini->outcome]) : NULL);
}

/* Autodiscovery of the initiatives' feed. */
static void
ini_feed_link(struct req *r, struct val *m)
{
	struct val	*it = vm_push(vm_list(m, "feeds"));

	vm_str(it, "type", "application/atom+xml");
	vm_str(it, "href", "/feeds/initiatives.atom");
	vm_strf(it, "title", "%s (Atom)", tr(r, "New citizen initiatives"));
}

/* Appends the entities an initiative can be addressed to, as {value
 * (the slug), label, selected (slug equals sel)}: 0 or -1. */
static int
entity_list(struct req *r, struct val *l, const char *sel)
{
	struct dbres	*res;
	struct val	*it;

	if ((res = db_query(r->db, r->a, SQL_INI_ENTITIES, DB_NOARGS)) == NULL)
		return -1;
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "value", dbres_str(res, INI_ENTITIES_SLUG));
		vm_str(it, "label", present_pick(r, dbres_str(res,
		    INI_ENTITIES_NAME_AR), dbres_str(res,
		    INI_ENTITIES_NAME_EN)));
		vm_bool(it, "selected", sel != NULL && strcmp(sel,
		    dbres_str(res, INI_ENTITIES_SLUG)) == 0);
	}
	return 0;
}

int
page_initiatives(struct req *r)
{
	struct val	*m = http_model(r), *l;
	struct dbres	*res;
	struct initiative ini;
	const struct pval *st = http_arg(r, IL_STATE);
	const char	*slug = http_arg_str(r, IL_ENTITY), *q;
	int		 n = 0;

	vm_str(m, "title", tr(r, "Citizen initiatives"));
	if (r->nerr > 0)
		r->status = 400;
	if (entity_list(r, vm_list(m, "entities"), slug) == -1)
		return 500;
	present_choices(r, m, "states", ini_state_names + INI_PUBLISHED,
	    ini_state_labels + INI_PUBLISHED, INI__MAX - INI_PUBLISHED,
	    st != NULL && st->set ? ini_state_names[st->i] : NULL);
	if ((res = db_query(r->db, r->a, SQL_INI_PUBLIC_LIST, DB_ARGS(
	    DB_S(entity, slug != NULL ? slug : ""),
	    DB_S(state, st != NULL && st->set ? ini_state_names[st->i] : ""),
	    DB_U(before, http_arg_int(r, IL_BEFORE, 0)),
	    DB_I(limit, INI_SHOWN + 1)))) == NULL)
		return 500;
	l = vm_list(m, "items");
	while (dbres_next(res) && n++ < INI_SHOWN) {
		initiative_fill(res, &ini);
		ini_model(r, vm_push(l), &ini);
	}
	if (dbres_rows(res) > INI_SHOWN) {
		q = present_query(r, IL_BEFORE);
		vm_strf(m, "more", "/initiatives?%s%sbefore=%llu", q,
		    *q != '\0' ? "&" : "", ini.id);
	}
	vm_bool(m, "empty", l->count == 0);
	vm_bool(m, "signed_in", r->sess != NULL);
	present_fields(r, m);
	ini_feed_link(r, m);
	return http_render(r, "public/initiatives", m);
}

/* The entities to address an initiative to, the one sent selected. */
static int
entity_choices(struct req *r, struct val *m)
{
	struct val	*f, *it;
	const char	*sent = http_arg(r, INK_ENTITY) != NULL &&
	    r->route->params == ini_new_params ? http_arg(r, INK_ENTITY)->s :
	    NULL;

	f = vm_child(vm_child(m, "f"), "entity");
	vm_bool(f, "is_text", 0);
	vm_bool(f, "is_select", 1);
	it = vm_push(vm_list(f, "choices"));
	vm_str(it, "value", "");
	vm_str(it, "label", tr(r, "Choose an entity"));
	return entity_list(r, vm_list(f, "choices"), sent);
}

static int
new_page(struct req *r, int status)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Propose an initiative"));
	present_form(r, m, PARAMS(ini_new_params));
	if (entity_choices(r, m) == -1)
		return 500;
	if (status != 200)
		return http_form_again(r, "public/initiative_form", m, status);
	return http_render(r, "public/initiative_form", m);
}

int
page_initiative_new(struct req *r)
{
	return new_page(r, 200);
}

/* The co-promoters typed, one address a line: their number, or -1 with
 * the field marked. */
static int
promoters_sent(struct req *r, const char **out)
{
	const char	*s = http_arg_str(r, INK_PROMOTERS), *e, *mine;
	char		*one;
	int		 n = 0, k;
	size_t		 len;

	mine = r->sess->email;
	while (s != NULL && *s != '\0') {
		e = strchr(s, '\n');
		len = e != NULL ? (size_t)(e - s) : strlen(s);
		while (len > 0 && strchr(" \t\r,;", s[len - 1]) != NULL)
			len--;
		while (len > 0 && strchr(" \t\r,;", *s) != NULL) {
			s++;
			len--;
		}
		if (len > 0) {
			one = arena_strndup(r->a, s, len);
			for (k = 0; one[k] != '\0'; k++)
				if (one[k] >= 'A' && one[k] <= 'Z')
					one[k] = (char)(one[k] - 'A' + 'a');
			if (strchr(one, '@') == NULL || strchr(one, ' ') !=
			    NULL || one[0] == '@' || strchr(one, '@')[1] ==
			    '\0' || strchr(strchr(one, '@'), '.') == NULL) {
				http_arg_error(r, INK_PROMOTERS, N_("Write one "
				    "e-mail address a line, such as "
				    "name@example.org."));
				return -1;
			}
			if (mine != NULL && strcasecmp(one, mine) == 0) {
				http_arg_error(r, INK_PROMOTERS, N_("You are "
				    "the initiative's author: name the other "
				    "promoters only."));
				return -1;
			}
			for (k = 0; k < n; k++)
				if (strcmp(out[k], one) == 0)
					break;
			if (k == n) {
				if (n == INI_MAX_PROMOTERS) {
					http_arg_error(r, INK_PROMOTERS,
					    N_("Name at most five "
					    "co-promoters."));
					return -1;
				}
				out[n++] = one;
			}
		}
		s = e != NULL ? e + 1 : s + len;
		if (e == NULL)
			break;
	}
	return n;
}

struct create {
	unsigned long long	 entity;
	const char		*promoters[INI_MAX_PROMOTERS];
	int			 npromoters;
	const char		*url;
};

static enum outcome
create_tx(struct req *r, void *arg)
{
	struct create	*c = arg;
	struct initiative ini;
	int		 i;

	if (db_exec(r->db, SQL_INI_INSERT, DB_ARGS(DB_U(entity, c->entity),
	    DB_U(author, r->sess->user_id),
	    DB_S(title, http_arg_str(r, INK_TITLE)),
	    DB_S(body, http_arg_str(r, INK_BODY)),
	    DB_S(ask, http_arg_str(r, INK_ASK)),
	    DB_S(category, ini_category_names[http_arg_int(r, INK_CATEGORY,
	    INI_CATEGORIES - 1)]), DB_S(lang, r->lang),
	    DB_S(state, c->npromoters > 0 ? "draft" : "pending"))) != 1)
		return OUT_ERROR;
	if (initiative_load(r->db, r->a, db_insert_id(r->db), &ini) != 0)
		return OUT_ERROR;
	c->url = arena_printf(r->a, "/initiatives/%llu", ini.id);
	for (i = 0; i < c->npromoters; i++)
		if (initiative_invite(r->db, r->a, &ini, c->promoters[i],
		    r->sess->name) == -1)
			return OUT_ERROR;
	if (c->npromoters == 0 && initiative_submit(r->db, r->a, &ini,
	    time(NULL)) != 1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_initiative_create(struct req *r)
{
	struct create	 c;
	struct dbres	*res;

	memset(&c, 0, sizeof(c));
	if (r->nerr == 0) {
		if ((res = db_query(r->db, r->a, SQL_INI_ENTITY_BY_SLUG,
		    DB_ARGS(DB_S(slug, http_arg_str(r, INK_ENTITY))))) == NULL)
			return 500;
		if (!dbres_next(res))
			http_arg_error(r, INK_ENTITY, N_("Choose an entity "
			    "from the list."));
		else
			c.entity = dbres_u(res, INI_ENTITY_BY_SLUG_ID);
	}
	if (r->nerr == 0)
		c.npromoters = promoters_sent(r, c.promoters);
	if (r->nerr > 0)
		return new_page(r, 422);
	return http_form_submit_to(r, create_tx, &c, "/initiatives", &c.url);
}

/* Loads initiative {id} as the reader may see it: 0, 404, 500. */
static int
ini_load(struct req *r, struct initiative *ini)
{
	switch (initiative_load(r->db, r->a, r->segi[0], ini)) {
	case 0:
		break;
	case 1:
		return 404;
	default:
		return 500;
	}
	if (!initiative_public(ini->state) && (r->sess == NULL ||
	    r->sess->user_id != ini->author_id))
		return 404;
	return 0;
}

static int
show_page(struct req *r, struct initiative *ini, int status)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	int		 mine = r->sess != NULL &&
	    r->sess->user_id == ini->author_id, confirmed = 0;

	ini_model(r, m, ini);
	/* The document's title is the portal's words (the initiative's own
	 * is in its author's language only, shown isolated in the page). */
	vm_str(m, "heading", ini->title);
	vm_strf(m, "title", "%s %llu", tr(r, "Citizen initiative"), ini->id);
	vm_str(m, "body", ini->body);
	vm_str(m, "ask", ini->ask);
	vm_str(m, "author", ini->author_name);
	vm_str(m, "refuse_reason", ini->state == INI_REJECTED ?
	    ini->refuse_reason : NULL);
	vm_str(m, "decided", present_date(r, ini->decided));
	if (ini->state == INI_ANSWERED) {
		vm_str(m, "reply", present_pick(r, ini->reply_ar,
		    ini->reply_en));
		vm_str(m, "replied", present_date(r, ini->replied));
	}
	vm_str(m, "reached", present_date(r, ini->reached));
	vm_bool(m, "mine", mine);
	vm_bool(m, "may_submit", mine && ini->state == INI_DRAFT);
	vm_bool(m, "collecting", ini->state == INI_PUBLISHED);
	vm_bool(m, "not_open", status == 409);
	if ((res = db_query(r->db, r->a, SQL_INI_PROMOTERS, DB_ARGS(
	    DB_U(id, ini->id)))) == NULL)
		return 500;
	l = vm_list(m, "promoters");
	while (dbres_next(res)) {
		int ok = !dbres_isnull(res, INI_PROMOTERS_CONFIRMED_AT);

		confirmed += ok;
		if (!mine)
			continue;	/* addresses are for the author only */
		it = vm_push(l);
		vm_str(it, "email", dbres_str(res, INI_PROMOTERS_EMAIL));
		vm_bool(it, "confirmed", ok);
	}
	vm_int(m, "confirmed", confirmed);
	if (r->sess != NULL && ini->state == INI_PUBLISHED) {
		if ((res = db_query(r->db, r->a, SQL_INI_SUPPORTED, DB_ARGS(
		    DB_U(id, ini->id), DB_U(user, r->sess->user_id)))) ==
		    NULL || !dbres_next(res))
			return 500;
		vm_bool(m, "supported", dbres_int(res, INI_SUPPORTED_N) > 0);
		vm_bool(m, "may_support", dbres_int(res, INI_SUPPORTED_N) ==
		    0);
	}
	vm_bool(m, "anonymous", r->sess == NULL);
	ini_feed_link(r, m);
	return http_form_page(r, "public/initiative", m, status);
}

int
page_initiative(struct req *r)
{
	struct initiative ini;
	int		 rc;

	if ((rc = ini_load(r, &ini)) != 0)
		return rc;
	return show_page(r, &ini, 200);
}

struct ini_write {
	struct initiative *ini;
	int		 submit;	/* else support */
};

static enum outcome
write_tx(struct req *r, void *arg)
{
	struct ini_write *w = arg;

	if (w->submit)
		switch (initiative_submit(r->db, r->a, w->ini, time(NULL))) {
		case 1:
			return OUT_OK;
		case 0:
			return OUT_CONFLICT;
		default:
			return OUT_ERROR;
		}
	switch (initiative_support(r->db, r->a, w->ini, r->sess->user_id,
	    time(NULL))) {
	case 1:
	case 0:		/* already: a second support is stored once */
		return OUT_OK;
	case 2:
		return OUT_CONFLICT;
	default:
		return OUT_ERROR;
	}
}

static int
ini_write(struct req *r, int submit)
{
	struct initiative ini;
	struct ini_write w = { &ini, submit };
	int		 rc;

	if ((rc = ini_load(r, &ini)) != 0)
		return rc;
	if (submit && r->sess->user_id != ini.author_id)
		return 403;
	rc = http_form_submit(r, write_tx, &w, arena_printf(r->a,
	    "/initiatives/%llu%s", ini.id, submit ? "" : "#support"));
	return http_form_redraw(rc) ? show_page(r, &ini, rc) : rc;
}

int
page_initiative_support(struct req *r)
{
	return ini_write(r, 0);
}

int
page_initiative_submit(struct req *r)
{
	return ini_write(r, 1);
}

/* The co-promoter named by the link's signature: 0 (*ini, *email
 * set), 404 or 500. */
static int
confirm_load(struct req *r, struct initiative *ini, const char **email)
{
	if (r->nerr > 0)
		return 404;
	switch (initiative_load(r->db, r->a, r->segi[0], ini)) {
	case 0:
		break;
	case 1:
		return 404;
	default:
		return 500;
	}
	if ((*email = initiative_promoter_find(r->db, r->a, ini->id,
	    http_arg_str(r, IC_SIG))) == NULL)
		return 404;
	http_nostore(r);
	return 0;
}

int
page_initiative_confirm_form(struct req *r)
{
	struct val	*m = http_model(r);
	struct initiative ini;
	const char	*email;
	int		 rc;

	if ((rc = confirm_load(r, &ini, &email)) != 0)
		return rc;
	ini_model(r, m, &ini);
	vm_str(m, "heading", ini.title);
	vm_str(m, "title", tr(r, "Co-promote an initiative"));
	vm_str(m, "email", email);
	vm_str(m, "sig", http_arg_str(r, IC_SIG));
	vm_str(m, "author", ini.author_name);
	vm_bool(m, "done", http_arg_int(r, IC_DONE, 0));
	vm_bool(m, "visible", initiative_public(ini.state));
	return http_render(r, "public/initiative_confirm", m);
}

struct confirm {
	struct initiative	*ini;
	const char		*email;
};

static enum outcome
confirm_tx(struct req *r, void *arg)
{
	struct confirm	*c = arg;

	/* Confirmed once; a second press changes nothing. */
	return db_exec(r->db, SQL_INI_PROMOTER_CONFIRM, DB_ARGS(
	    DB_U(id, c->ini->id), DB_S(email, c->email))) < 0 ? OUT_ERROR :
	    OUT_OK;
}

int
page_initiative_confirm(struct req *r)
{
	struct initiative ini;
	struct confirm	 c = { &ini, NULL };
	int		 rc;

	if ((rc = confirm_load(r, &ini, &c.email)) != 0)
		return rc;
	return http_form_submit(r, confirm_tx, &c, arena_printf(r->a,
	    "/initiatives/%llu/confirm?sig=%s&done=1", ini.id,
	    http_arg_str(r, IC_SIG)));
}

int
page_initiatives_feed(struct req *r)
{
	struct dbres	*res;
	struct initiative ini;
	xmlTextWriterPtr w;
	const char	*base = http_base_url(), *tag;
	time_t		 newest = 0;

	if ((res = db_query(r->db, r->a, SQL_INI_FEED, DB_ARGS(
	    DB_I(limit, INI_FEED_ENTRIES)))) == NULL)
		return 500;
	while (dbres_next(res)) {
		initiative_fill(res, &ini);
		if (ini.supports_open > newest)
			newest = ini.supports_open;
	}
	dbres_rewind(res);
	tag = present_feed_tag(r);
	if ((w = xmlw_begin(r, "application/atom+xml; charset=utf-8")) == NULL)
		return 500;
	xmlTextWriterStartElement(w, BAD_CAST "feed");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
	    BAD_CAST "http://www.w3.org/2005/Atom");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang", BAD_CAST r->lang);
	xmlw_elem(w, "id", arena_printf(r->a, "%sfeeds/initiatives", tag));
	xmlw_elem(w, "title", tr(r, "Sharek — new citizen initiatives"));
	xmlw_elem(w, "updated", present_feed_date(r, newest ? newest :
	    time(NULL), 0));
	xmlw_link(w, "self", arena_printf(r->a, "%s/feeds/initiatives.atom",
	    base));
	xmlw_link(w, NULL, arena_printf(r->a, "%s/initiatives", base));
	xmlTextWriterStartElement(w, BAD_CAST "author");
	xmlw_elem(w, "name", tr(r, "Sharek"));
	xmlTextWriterEndElement(w);
	while (dbres_next(res)) {
		initiative_fill(res, &ini);
		xmlTextWriterStartElement(w, BAD_CAST "entry");
		xmlw_elem(w, "id", arena_printf(r->a, "%sinitiative-%llu", tag,
		    ini.id));
		xmlw_elem(w, "title", ini.title);
		xmlw_link(w, NULL, arena_printf(r->a, "%s/initiatives/%llu",
		    base, ini.id));
		xmlw_elem(w, "published", present_feed_date(r,
		    ini.supports_open, 0));
		xmlw_elem(w, "updated", present_feed_date(r,
		    ini.supports_open, 0));
		xmlTextWriterStartElement(w, BAD_CAST "author");
		xmlw_elem(w, "name", present_pick(r, ini.entity_name_ar,
		    ini.entity_name_en));
		xmlTextWriterEndElement(w);
		xmlTextWriterStartElement(w, BAD_CAST "summary");
		xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "text");
		xmlTextWriterWriteString(w, BAD_CAST ini.ask);
		xmlTextWriterEndElement(w);
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
	return xmlw_end(w) == 0 ? 200 : 500;
}
