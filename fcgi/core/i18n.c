/*
 * i18n.c — see i18n.h.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"
#include "i18n.h"

#define I18N_NBUCKET	1024

struct msg {
	const char	*id;
	const char	*str;		/* msgstr, or msgstr[0] */
	const char	*forms[I18N_NFORMS];	/* msgstr[k] of a plural */
	struct msg	*next;
};

struct catalogue {
	char		 lang[8];
	struct msg	*bucket[I18N_NBUCKET];
};

static struct catalogue	 cat_ar = { "ar", { 0 } };
static struct catalogue	 cat_en = { "en", { 0 } };

static struct catalogue *
i18n_cat(const char *lang)
{
	if (lang != NULL && strcmp(lang, "en") == 0)
		return &cat_en;
	if (lang != NULL && strcmp(lang, "ar") == 0)
		return &cat_ar;
	return NULL;
}

static unsigned
i18n_hash(const char *s)
{
	unsigned	 h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % I18N_NBUCKET;
}

/* Reads a "..." literal at *pp into b; returns 0 or -1. */
static int
i18n_lit(const char **pp, const char *end, struct buf *b)
{
	const char	*p = *pp;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= end || *p != '"')
		return -1;
	for (p++; p < end && *p != '"'; p++) {
		if (*p == '\n')
			return -1;
		if (*p == '\\') {
			if (++p >= end)
				return -1;
			switch (*p) {
			case 'n': buf_addc(b, '\n'); break;
			case 't': buf_addc(b, '\t'); break;
			case '"': buf_addc(b, '"'); break;
			case '\\': buf_addc(b, '\\'); break;
			default: return -1;
			}
		} else
			buf_addc(b, *p);
	}
	if (p >= end)
		return -1;
	*pp = p + 1;
	return 0;
}

/* Keeps the entry just read (msgid id): its msgstr str, or the forms of
 * a plural (msgstr[0] its plain one) when they are all translated; an
 * untranslated entry is left out (the msgid is shown). */
static void
i18n_keep(struct arena *a, struct catalogue *c, const struct buf *id,
    const struct buf *str, const struct buf *forms)
{
	struct msg	*m;
	unsigned	 h;
	int		 k, n = 0;

	if (id->len == 0)
		return;
	for (k = 0; k < I18N_NFORMS; k++)
		n += forms[k].len > 0;
	if (str->len == 0 && forms[0].len == 0)
		return;
	h = i18n_hash(id->data);
	m = arena_zalloc(a, sizeof(*m));
	m->id = arena_strdup(a, id->data);
	m->str = arena_strdup(a, str->len > 0 ? str->data : forms[0].data);
	for (k = 0; k < I18N_NFORMS && n > 0; k++)
		m->forms[k] = forms[k].len > 0 ? arena_strdup(a,
		    forms[k].data) : m->str;
	m->next = c->bucket[h];
	c->bucket[h] = m;
}

int
i18n_parse(struct arena *a, const char *lang, const char *text, size_t len,
    char **err)
{
	struct catalogue *c = i18n_cat(lang);
	const char	*p = text, *end = text + len, *eol;
	struct buf	 id, str, forms[I18N_NFORMS], *cur = NULL;
	int		 line = 0, have = 0, fuzzy = 0, nextfuzzy = 0, k;

	if (c == NULL) {
		*err = arena_printf(a, "unsupported language");
		return -1;
	}
	buf_init(&id, a);
	buf_init(&str, a);
	for (k = 0; k < I18N_NFORMS; k++)
		buf_init(&forms[k], a);
	while (p <= end) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		line++;
		if (p < eol && *p == '#') {
			if (eol - p >= 2 && p[1] == ',' &&
			    memmem(p, (size_t)(eol - p), "fuzzy", 5) != NULL)
				nextfuzzy = 1;
		} else if ((size_t)(eol - p) >= 5 &&
		    strncmp(p, "msgid", 5) == 0 &&
		    (p[5] == ' ' || p[5] == '"')) {
			if (have && !fuzzy)
				i18n_keep(a, c, &id, &str, forms);
			buf_init(&id, a);
			buf_init(&str, a);
			for (k = 0; k < I18N_NFORMS; k++)
				buf_init(&forms[k], a);
			fuzzy = nextfuzzy;
			nextfuzzy = 0;
			have = 1;
			cur = &id;
			p += 5;
			if (i18n_lit(&p, eol, cur) == -1)
				goto bad;
		} else if ((size_t)(eol - p) >= 6 &&
		    strncmp(p, "msgstr", 6) == 0 && have) {
			cur = &str;
			p += 6;
			if (p < eol && *p == '[') {
				/* A plural's forms, msgstr[0] … [5]; [0] is
				 * also its plain translation. */
				k = p + 1 < eol ? p[1] - '0' : -1;
				cur = k >= 0 && k < I18N_NFORMS &&
				    p + 2 < eol && p[2] == ']' ? &forms[k] :
				    NULL;
				while (p < eol && *p != ']')
					p++;
				p++;
			}
			if (cur != NULL && i18n_lit(&p, eol, cur) == -1)
				goto bad;
		} else if ((size_t)(eol - p) >= 12 &&
		    strncmp(p, "msgid_plural", 12) == 0) {
			cur = NULL;
		} else if ((size_t)(eol - p) >= 7 &&
		    strncmp(p, "msgctxt", 7) == 0) {
			cur = NULL;
		} else if (p < eol && *p == '"') {
			struct buf skip;
			if (cur == NULL) {
				buf_init(&skip, a);
				if (i18n_lit(&p, eol, &skip) == -1)
					goto bad;
			} else if (i18n_lit(&p, eol, cur) == -1)
				goto bad;
		} else {
			const char *q;
			for (q = p; q < eol; q++)
				if (!isspace((unsigned char)*q))
					goto bad;
		}
		p = eol + 1;
	}
	if (have && !fuzzy)
		i18n_keep(a, c, &id, &str, forms);
	return 0;
bad:
	*err = arena_printf(a, "%s.po:%d: syntax error", lang, line);
	return -1;
}

int
i18n_load(struct arena *a, const char *localedir, char **err)
{
	static const char *langs[] = { "ar", "en" };
	size_t		 i, n;
	char		*path, *text;
	FILE		*f;
	long		 sz;

	for (i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		path = arena_printf(a, "%s/%s.po", localedir, langs[i]);
		if ((f = fopen(path, "r")) == NULL) {
			*err = arena_printf(a, "%s: cannot open", path);
			return -1;
		}
		fseek(f, 0, SEEK_END);
		sz = ftell(f);
		fseek(f, 0, SEEK_SET);
		if (sz < 0) {
			fclose(f);
			*err = arena_printf(a, "%s: cannot read", path);
			return -1;
		}
		text = arena_alloc(a, (size_t)sz + 1);
		n = fread(text, 1, (size_t)sz, f);
		text[n] = '\0';
		fclose(f);
		if (i18n_parse(a, langs[i], text, n, err) == -1)
			return -1;
	}
	return 0;
}

int
i18n_load_root(struct arena *a, const char *root, char **err)
{
	return i18n_load(a, arena_printf(a, "%s/views/locale", root), err);
}

const char *
i18n_get(const char *lang, const char *msgid)
{
	struct catalogue *c = i18n_cat(lang);
	struct msg	*m;

	if (c == NULL)
		return msgid;
	for (m = c->bucket[i18n_hash(msgid)]; m != NULL; m = m->next)
		if (strcmp(m->id, msgid) == 0)
			return m->str;
	return msgid;
}

/* The plural form of n in lang, by the rules gettext's Plural-Forms
 * give: Arabic's six (0, 1, 2, 3–10, 11–99, 100 and more, by the last
 * two digits), English's two (1, other). */
static int
i18n_form(const char *lang, long long n)
{
	long long	 h = (n < 0 ? -n : n) % 100;

	if (strcmp(lang, "ar") != 0)
		return n == 1 ? 0 : 1;
	if (n == 0)
		return 0;
	if (n == 1)
		return 1;
	if (n == 2)
		return 2;
	if (h >= 3 && h <= 10)
		return 3;
	if (h >= 11)
		return 4;
	return 5;
}

const char *
i18n_nget(const char *lang, const char *one, const char *other,
    long long n)
{
	struct catalogue *c = i18n_cat(lang);
	struct msg	*m;

	if (c != NULL)
		for (m = c->bucket[i18n_hash(one)]; m != NULL; m = m->next)
			if (strcmp(m->id, one) == 0)
				return m->forms[0] != NULL ?
				    m->forms[i18n_form(lang, n)] : m->str;
	return n == 1 ? one : other;
}

int
i18n_supported(const char *lang)
{
	return i18n_cat(lang) != NULL;
}

const char *
i18n_pick(const char *cookie, const char *accept)
{
	const char	*p;
	double		 best = -1, q;
	const char	*pick = I18N_DEFAULT;

	if (cookie != NULL && i18n_supported(cookie))
		return strcmp(cookie, "en") == 0 ? "en" : "ar";
	if (accept == NULL)
		return I18N_DEFAULT;
	/* Highest q among ar and en; ties keep the earlier one. */
	for (p = accept; *p; ) {
		const char *tag, *semi, *comma;
		size_t tl;

		while (*p == ' ' || *p == ',')
			p++;
		tag = p;
		while (*p && *p != ',' && *p != ';' && *p != ' ')
			p++;
		tl = (size_t)(p - tag);
		comma = strchr(p, ',');
		if (comma == NULL)
			comma = p + strlen(p);
		q = 1.0;
		semi = memchr(p, ';', (size_t)(comma - p));
		if (semi != NULL) {
			const char *qp = strstr(semi, "q=");
			if (qp != NULL && qp < comma)
				q = strtod(qp + 2, NULL);
		}
		if (tl >= 2 && (tl == 2 || tag[2] == '-') && q > best) {
			if (strncasecmp(tag, "ar", 2) == 0) {
				best = q;
				pick = "ar";
			} else if (strncasecmp(tag, "en", 2) == 0) {
				best = q;
				pick = "en";
			}
		}
		p = comma;
	}
	return pick;
}

const char *
i18n_dir(const char *lang)
{
	return lang != NULL && strcmp(lang, "en") == 0 ? "ltr" : "rtl";
}

/* Jordan and the Levant name the months this way (Oman uses the
 * transliterated names; a deployment setting can follow later). */
static const char *months_ar[] = {
	"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
	"تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني",
	"كانون الأول"
};
static const char *months_en[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* The deployment's civil time: Jordan and Oman have no DST (UTC+3/+4),
 * so one offset is the whole zone ([site] utc_offset_minutes, default
 * Amman's 180, set once at start-up). */
static long	 i18n_tzoff = 3 * 3600;

void
i18n_set_tz(long offset_seconds)
{
	i18n_tzoff = offset_seconds;
}

long
i18n_tz(void)
{
	return i18n_tzoff;
}

const char *
i18n_tz_name(void)
{
	static char	 name[48];
	long		 h = i18n_tzoff / 3600, m = labs(i18n_tzoff % 3600) / 60;

	if (m != 0)
		snprintf(name, sizeof(name), "UTC%+ld:%02ld", h, m);
	else if (h != 0)
		snprintf(name, sizeof(name), "UTC%+ld", h);
	else
		snprintf(name, sizeof(name), "UTC");
	return name;
}

void
i18n_date(struct buf *b, const char *lang, time_t t)
{
	struct tm	 tm;
	time_t		 l = t + i18n_tzoff;

	gmtime_r(&l, &tm);
	buf_printf(b, "%d %s %d", tm.tm_mday,
	    strcmp(lang, "en") == 0 ? months_en[tm.tm_mon] :
	    months_ar[tm.tm_mon], tm.tm_year + 1900);
}

void
i18n_datetime(struct buf *b, const char *lang, time_t t)
{
	struct tm	 tm;
	time_t		 l = t + i18n_tzoff;

	i18n_date(b, lang, t);
	gmtime_r(&l, &tm);
	buf_printf(b, "%s%02d:%02d", strcmp(lang, "en") == 0 ? ", " : "، ",
	    tm.tm_hour, tm.tm_min);
}

void
i18n_datetime_tz(struct buf *b, const char *lang, time_t t)
{
	i18n_datetime(b, lang, t);
	buf_printf(b, " (%s)", i18n_tz_name());
}

void
i18n_number(struct buf *b, const char *lang, long long n)
{
	char		 digits[32];
	int		 len, i;
	const char	*sep = strcmp(lang, "en") == 0 ? "," : "٬";

	if (n < 0) {
		buf_addc(b, '-');
		n = -n;
	}
	len = snprintf(digits, sizeof(digits), "%lld", n);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_adds(b, sep);
		buf_addc(b, digits[i]);
	}
}

const char *
i18n_subst(struct arena *a, const char *text, ...)
{
	const char	*args[9], *p;
	va_list		 ap;
	int		 n = 0;
	struct buf	 b;

	va_start(ap, text);
	while (n < 9 && (args[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	buf_init(&b, a);
	for (p = text; *p; p++) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}') {
			int i = p[1] - '1';
			if (i < n)
				buf_adds(&b, args[i]);
			p += 2;
			continue;
		}
		buf_addc(&b, *p);
	}
	return b.data;
}

void
i18n_clear(void)
{
	memset(cat_ar.bucket, 0, sizeof(cat_ar.bucket));
	memset(cat_en.bucket, 0, sizeof(cat_en.bucket));
}
