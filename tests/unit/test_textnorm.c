/*
 * test_textnorm.c — Arabic and English search normalisation, stemming
 * and the one-LIKE match of consult_list (textnorm.h), and the digits
 * helper.
 */
#include <string.h>

#include "arena.h"
#include "t.h"
#include "textnorm.h"

static struct arena *a;

static const char *
N(const char *s)
{
	return textnorm(a, s, strlen(s));
}

static const char *
S(const char *s)
{
	return textnorm_stems(a, s, strlen(s));
}

static const char *
Q(const char *s)
{
	return textnorm_query(a, s, strlen(s));
}

/* SQL's LIKE without an escape character, byte by byte: '%' any run,
 * '_' any one byte. */
static int
like(const char *s, const char *p)
{
	if (*p == '\0')
		return *s == '\0';
	if (*p == '%') {
		for (;; s++) {
			if (like(s, p + 1))
				return 1;
			if (*s == '\0')
				return 0;
		}
	}
	if (*s == '\0' || (*p != '_' && *p != *s))
		return 0;
	return like(s + 1, p + 1);
}

/* What consult_list does: search_text LIKE CONCAT('%', :q, '%'), no
 * filter when the page finds the pattern empty. */
static int
found(const char *text, const char *query)
{
	const char	*q = Q(query);

	if (*q == '\0')
		return -1;
	return like(S(text), arena_printf(a, "%%%s%%", q));
}

static const struct {
	const char	*text;		/* title or summary */
	const char	*query;		/* typed in the search box */
	int		 want;		/* 1 found, 0 not, -1 no filter */
	const char	*what;
} cases[] = {
	/* The pairs of issue 10, both ways. */
	{ "مؤسسة صحية", "المؤسسات الصحية", 1, "singular → plural, definite" },
	{ "المؤسسات الصحية", "مؤسسة صحية", 1, "plural, definite → singular" },
	{ "حافلة", "الحافلات", 1, "حافلة finds الحافلات" },
	{ "الحافلات", "حافلة", 1, "الحافلات finds حافلة" },
	{ "حافلات", "الحافلة", 1, "plural without article ↔ definite" },
	{ "health institutions", "health institution", 1,
	    "English plural → singular" },
	{ "health institution", "health institutions", 1,
	    "English singular → plural" },
	{ "Public Policies", "policy", 1, "policies ↔ policy, any case" },
	{ "مسودة نظام ترخيص المؤسسات الصحية الخاصة", "المؤسسات الصحيّة", 1,
	    "a query inside a title (shadda)" },
	{ "المُؤسَّسات", "مؤسسه", 1, "diacritics, hamza, ة typed as ه" },
	{ "والمؤسسات بالمؤسسات للمؤسسات", "مؤسسة", 1,
	    "article with و ب ل" },
	{ "وزارة الصحة", "الوزارات", 1, "وزارة ↔ الوزارات" },
	{ "تنظيم المقاصف المدرسية وبيع الأغذية", "بيع الاغذيه", 1,
	    "the conjunction و" },
	{ "مسودة تعليمات سلامة الأغذية المدرسية", "الاغذيه المدرسيـه", 1,
	    "no hamza, ه for ة, tatweel (tests/http/050)" },
	{ "مسودة تعليمات سلامة الأغذية المدرسية", "مَسْوَدَة", 1,
	    "diacritics (tests/http/050)" },
	{ "المستشفيات الحكومية", "مستشفى حكومي", 1,
	    "alef maqsura, nisba adjective" },
	/* Any order, mixed scripts. */
	{ "الصحية المؤسسات", "المؤسسات الصحية", 1, "order of the index" },
	{ "مؤسسة صحية", "الصحية المؤسسات", 1, "order of the query" },
	{ "Licensing of private health institutions — نظام ترخيص "
	    "المؤسسات الصحية الخاصة", "institution الصحية", 1,
	    "mixed Arabic and English query" },
	{ "Licensing of private health institutions — نظام ترخيص "
	    "المؤسسات الصحية الخاصة", "مؤسسة licensing", 1,
	    "mixed, the other way round" },
	{ "نظام ترخيص المؤسسات", "مؤسسة transport", 0,
	    "mixed: the English word is missing" },
	/* Digits. */
	{ "المادة ١٢ من النظام", "12", 1, "Arabic-Indic digits in the text" },
	{ "المادة 12 من النظام", "المادة ١٢", 1,
	    "Arabic-Indic digits in the query" },
	{ "خطة ٢٠٢٦", "۲۰۲۶", 1, "Eastern Arabic-Indic digits" },
	{ "المادة 12", "1", 0, "a number is a whole word too" },
	/* Words that must not match. */
	{ "حافظة", "حافلة", 0, "حافلة does not find حافظة" },
	{ "حافلة", "حافظة", 0, "حافظة does not find حافلة" },
	{ "الصحف اليومية", "صحية", 0,
	    "stem صح does not match inside صحف" },
	{ "الصحف", "صح", 0, "صح is not a part of الصحف" },
	{ "institutional health", "instit", 0, "no prefix match" },
	{ "الحافلات", "حافلة مدرسية", 0, "every word of the query is needed" },
	{ "health", "healthy health care", 0, "AND over English words" },
	/* Function words. */
	{ "صحة المدارس", "الصحة في المدارس", 1,
	    "في is left out of the query" },
	{ "health institutions", "the health of institutions", 1,
	    "the, of are left out" },
	{ "الطلب في المدارس", "في", 1, "a query of function words only" },
	{ "المدارس", "في", 0, "… looks for them" },
	{ "حافلة", "حافلة الحافلات", 1, "the same stem twice in a query" },
	/* Nothing to search for. */
	{ "حافلة", "", -1, "empty query: no filter" },
	{ "حافلة", "  ؟! ... ،؛ — ", -1, "punctuation only: no filter" },
	{ "", "حافلة", 0, "nothing indexed" },
};

int
main(void)
{
	const char	*q;
	size_t		 i;

	a = arena_new(4096);
	t_eq_str(N("أحكام"), N("احكام"), "alef with hamza above = bare alef");
	t_eq_str(N("إصلاح"), "اصلاح", "alef with hamza below");
	t_eq_str(N("آمنة"), "امنه", "madda and taa marbuta");
	t_eq_str(N("مستشفى"), "مستشفي", "alef maqsura → yaa");
	t_eq_str(N("مُسْتَشْفَى"), "مستشفي", "harakat removed");
	t_eq_str(N("الصحّة"), "الصحه", "shadda removed");
	t_eq_str(N("الصـــحة"), "الصحه", "tatweel removed");
	t_eq_str(N("  Health   POLICY  "), "health policy",
	    "Latin lower-cased, blanks collapsed and trimmed");
	t_eq_str(N("نظام، الترخيص؟ (2026)"), "نظام الترخيص 2026",
	    "Arabic and ASCII punctuation separate words");
	t_eq_str(N("المادة ١٢"), "الماده 12", "Arabic-Indic digits");
	t_eq_str(N("الخطة ۲۰۲۶"), "الخطه 2026", "Eastern Arabic-Indic digits");
	t_eq_str(N("مسؤول"), "مسوول", "waw with hamza");
	t_eq_str(N(""), "", "empty");
	t_eq_str(N("\xff\xfe"), "", "invalid bytes become separators");
	t_eq_str(N("a\xe2\x80\x8b" "b"), "a b", "zero-width space separates");

	/* The stored form and the pattern. */
	t_eq_str(S("Institutions health, HEALTH"), " health  institut ",
	    "index: distinct stems, sorted, each in its own spaces");
	t_eq_str(Q("institutions health health"), " health % institut ",
	    "query: distinct stems, sorted, joined by %");
	t_eq_str(S("المؤسسات الصحية"), S("الصحية مؤسسة"),
	    "the same stems whatever the form and order");
	t_eq_str(S(""), "", "index of nothing");
	t_eq_str(S("؟!"), "", "index of punctuation");
	t_eq_str(Q(""), "", "empty query");
	t_eq_str(Q(" ... ؟ ، "), "", "punctuation-only query");
	q = Q("100% _x_ a\\b 'or' \"1\"=\"1\"");
	t_ok(strchr(q, '_') == NULL && strchr(q, '\\') == NULL &&
	    strchr(q, '\'') == NULL && strstr(q, "%%") == NULL &&
	    strstr(q, "% %") == NULL, "no wildcard but the separators: %s",
	    q);
	t_ok(strstr(S("a b c"), "  ") != NULL && S("a")[0] == ' ',
	    "one-letter words are indexed");

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = found(cases[i].text, cases[i].query);

		if (!t_eq_int(got, cases[i].want, cases[i].what))
			printf("#   text %s\n#   query %s\n#   index \"%s\" "
			    "pattern \"%s\"\n", cases[i].text,
			    cases[i].query, S(cases[i].text),
			    Q(cases[i].query));
	}

	t_eq_str(textnorm_digits(a, "٠٧٩١٢٣٤٥٦٧"), "0791234567",
	    "digits: a phone number in Arabic-Indic digits");
	t_eq_str(textnorm_digits(a, "۰۷۹۱۲۳۴۵۶۷"), "0791234567",
	    "digits: Eastern Arabic-Indic");
	t_eq_str(textnorm_digits(a, "+٩٦٢ 79-١٢٣"), "+962 79-123",
	    "digits: mixed with ASCII, the rest kept");
	t_eq_str(textnorm_digits(a, "المادة ١٢، الفقرة ب"),
	    "المادة 12، الفقرة ب", "digits: Arabic text otherwise unchanged");
	t_eq_str(textnorm_digits(a, ""), "", "digits: empty");
	t_ok(textnorm_digits(a, NULL) == NULL, "digits: NULL");
	arena_free(a);
	return t_done();
}
