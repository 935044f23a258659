/*
 * test_survey.c — the pure rules of surveys (survey.h): the condition
 * graph checked on save (earlier questions only, no self-reference, no
 * cycle, several conditions on one source all counted), visibility with
 * a hidden source counting as unanswered, every kind of answer, and the
 * aggregates (mean, median, shares never over 100 %).
 */
#include <string.h>

#include "survey.h"
#include "t.h"

/* Sections 100, 200; questions:
 *  0: id 1 single (options 11, 12, 13)      section 100
 *  1: id 2 multiple (21, 22, 23), 1..2      section 100
 *  2: id 3 text                             section 100
 *  3: id 4 scale 1..5                       section 200
 *  4: id 5 number 0..120                    section 200
 *  5: id 6 yes/no                           section 200
 *  6: id 7 ranking (71, 72, 73)             section 200
 *  7: id 8 matrix rows (81, 82) × (11, 12)  section 200
 *  8: id 9 date, optional                   section 200 */
static const unsigned long long o1[] = { 11, 12, 13 }, o2[] = { 21, 22, 23 },
    o7[] = { 71, 72, 73 }, o8[] = { 11, 12 }, r8[] = { 81, 82 };
static const struct sv_question qs[] = {
	{ 1, 100, QK_SINGLE, 1, 0, 0, 3, o1, 0, NULL },
	{ 2, 100, QK_MULTIPLE, 1, 1, 2, 3, o2, 0, NULL },
	{ 3, 100, QK_TEXT, 0, 0, 0, 0, NULL, 0, NULL },
	{ 4, 200, QK_SCALE, 1, 1, 5, 0, NULL, 0, NULL },
	{ 5, 200, QK_NUMBER, 1, 0, 120, 0, NULL, 0, NULL },
	{ 6, 200, QK_YESNO, 1, 0, 0, 0, NULL, 0, NULL },
	{ 7, 200, QK_RANKING, 1, 0, 0, 3, o7, 0, NULL },
	{ 8, 200, QK_MATRIX, 1, 0, 0, 2, o8, 2, r8 },
	{ 9, 200, QK_DATE, 0, 0, 0, 0, NULL, 0, NULL },
};
static const unsigned long long secs[] = { 100, 200 };

#define NQ	((int)(sizeof(qs) / sizeof(qs[0])))

static struct survey
mk(const struct sv_cond *c, int nc)
{
	struct survey s = { NQ, qs, 2, secs, nc, c };
	return s;
}

static struct sv_answer
one(const char **v, int n)
{
	struct sv_answer a = { n, v };
	return a;
}

static enum answer_problem
check(int qi, const char **v, int n)
{
	struct sv_answer a = one(v, n);
	long long	 a1, a2;

	return survey_check_answer(&qs[qi], &a, &a1, &a2);
}

static void
test_graph(void)
{
	/* Two conditions on the same source question: both kept, both
	 * count (the second does not replace the first). */
	struct sv_cond	 two[] = {
		{ 3, 0, 1, SC_NE, "11" },
		{ 3, 0, 1, SC_NE, "12" },
	};
	struct survey	 s = mk(two, 2);
	struct sv_cond	 c;
	int		 at = -1;

	t_eq_int(survey_check_graph(&s, &at), CP_OK,
	    "two conditions on one source are a valid graph");

	c = (struct sv_cond){ 1, 0, 1, SC_EQ, "11" };
	t_eq_int(survey_check_cond(&s, &c), CP_SELF,
	    "a question cannot depend on itself");
	c = (struct sv_cond){ 1, 0, 3, SC_EQ, "x" };
	t_eq_int(survey_check_cond(&s, &c), CP_CYCLE,
	    "question 1 on question 3, which depends on 1: a cycle");
	c = (struct sv_cond){ 2, 0, 3, SC_EQ, "x" };
	t_eq_int(survey_check_cond(&s, &c), CP_LATER,
	    "only an earlier question may be a source");
	c = (struct sv_cond){ 4, 0, 99, SC_EQ, "x" };
	t_eq_int(survey_check_cond(&s, &c), CP_NO_SOURCE,
	    "a source outside the survey is refused");
	c = (struct sv_cond){ 0, 200, 4, SC_EQ, "3" };
	t_eq_int(survey_check_cond(&s, &c), CP_SELF,
	    "a section cannot depend on its own question");
	c = (struct sv_cond){ 0, 100, 4, SC_EQ, "3" };
	t_eq_int(survey_check_cond(&s, &c), CP_LATER,
	    "section 1 on a question of section 2, which comes after it");
	c = (struct sv_cond){ 0, 200, 1, SC_EQ, "12" };
	t_eq_int(survey_check_cond(&s, &c), CP_OK,
	    "section 2 on a question of section 1");
	c = (struct sv_cond){ 4, 0, 1, SC_EQ, "21" };
	t_eq_int(survey_check_cond(&s, &c), CP_BAD_VALUE,
	    "a choice's value is one of its own options");
	c = (struct sv_cond){ 4, 0, 1, SC_CONTAINS, "11" };
	t_eq_int(survey_check_cond(&s, &c), CP_BAD_OP,
	    "contains does not apply to a single choice");
	c = (struct sv_cond){ 4, 0, 2, SC_CONTAINS, "22" };
	t_eq_int(survey_check_cond(&s, &c), CP_OK,
	    "contains applies to a multiple choice");
	c = (struct sv_cond){ 9, 0, 4, SC_EQ, "6" };
	t_eq_int(survey_check_cond(&s, &c), CP_BAD_VALUE,
	    "a scale's value lies in its range");
	c = (struct sv_cond){ 9, 0, 6, SC_EQ, "maybe" };
	t_eq_int(survey_check_cond(&s, &c), CP_BAD_VALUE,
	    "yes/no takes yes or no");
	c = (struct sv_cond){ 9, 0, 7, SC_EQ, "71:1" };
	t_eq_int(survey_check_cond(&s, &c), CP_BAD_SOURCE,
	    "a ranking is no source");

	{
		/* A graph already stored out of order (a reorder after
		 * saving) is found by the whole-graph check. */
		struct sv_cond bad[] = { { 1, 0, 4, SC_EQ, "2" } };
		struct survey b = mk(bad, 1);
		t_eq_int(survey_check_graph(&b, &at), CP_LATER,
		    "the whole graph: a later source is found");
		t_eq_int(at, 0, "and which condition it is");
	}
}

static void
test_visible(void)
{
	struct sv_cond	 c[] = {
		{ 3, 0, 1, SC_NE, "11" },	/* text unless 11 … */
		{ 3, 0, 1, SC_NE, "12" },	/* … and unless 12 */
		{ 0, 200, 2, SC_CONTAINS, "22" },	/* section 2 */
		{ 9, 0, 6, SC_EQ, "yes" },	/* date if yes */
	};
	struct survey	 s = mk(c, 4);
	struct sv_answer ans[NQ];
	const char	*v11[] = { "11" }, *v13[] = { "13" },
	    *v2122[] = { "21", "22" }, *v21[] = { "21" }, *yes[] = { "yes" },
	    *no[] = { "no" };
	int		 vis[NQ], i;

	memset(ans, 0, sizeof(ans));
	survey_visible(&s, ans, vis);
	t_ok(vis[0] && vis[1], "unconditioned questions are shown");
	t_ok(!vis[2], "a condition on an unanswered source does not hold");
	t_ok(!vis[3] && !vis[8], "a hidden section hides its questions");

	ans[0] = one(v13, 1);
	ans[1] = one(v2122, 2);
	ans[5] = one(yes, 1);
	survey_visible(&s, ans, vis);
	t_ok(vis[2], "13 is neither 11 nor 12: both conditions hold");
	for (i = 3; i < NQ; i++)
		t_ok(vis[i], "section 2 shown (22 chosen): question %d", i);

	ans[0] = one(v11, 1);
	survey_visible(&s, ans, vis);
	t_ok(!vis[2], "the first of two conditions on a source still counts");

	ans[1] = one(v21, 1);
	survey_visible(&s, ans, vis);
	t_ok(!vis[3] && !vis[5], "22 not chosen: section 2 hidden");
	t_ok(!vis[8], "a hidden source's stale answer (yes) drives nothing");

	ans[1] = one(v2122, 2);
	ans[5] = one(no, 1);
	survey_visible(&s, ans, vis);
	t_ok(vis[5] && !vis[8], "the other branch: no hides the date");
}

static void
test_answers(void)
{
	const char	*v[4];

	t_eq_int(check(0, NULL, 0), AN_REQUIRED, "required and empty");
	v[0] = "  ";
	t_eq_int(check(0, v, 1), AN_REQUIRED, "blank is empty");
	t_eq_int(check(2, NULL, 0), AN_OK, "an optional one may stay empty");
	v[0] = "12";
	t_eq_int(check(0, v, 1), AN_OK, "single: one of its options");
	v[0] = "21";
	t_eq_int(check(0, v, 1), AN_OPTION, "single: another's option");
	v[0] = "11"; v[1] = "12";
	t_eq_int(check(0, v, 2), AN_ONE, "single: two values");
	v[0] = "21"; v[1] = "22"; v[2] = "23";
	t_eq_int(check(1, v, 3), AN_TOO_MANY, "multiple: over the maximum");
	t_eq_int(check(1, v, 2), AN_OK, "multiple: within the bounds");
	v[1] = "21";
	t_eq_int(check(1, v, 2), AN_OPTION, "multiple: the same twice");
	v[0] = "3";
	t_eq_int(check(3, v, 1), AN_OK, "scale in range");
	v[0] = "6";
	t_eq_int(check(3, v, 1), AN_RANGE, "scale above its end");
	v[0] = "3.5";
	t_eq_int(check(4, v, 1), AN_NUMBER, "number: not whole");
	v[0] = "-1";
	t_eq_int(check(4, v, 1), AN_RANGE, "number: below its minimum");
	v[0] = "120";
	t_eq_int(check(4, v, 1), AN_OK, "number: the maximum itself");
	v[0] = "\xd9\xa1\xd9\xa2\xd9\xa0";	/* ١٢٠ */
	t_eq_int(check(4, v, 1), AN_OK, "number: Arabic-Indic digits");
	v[0] = "\xdb\xb1\xdb\xb2\xdb\xb1";	/* ۱۲۱ */
	t_eq_int(check(4, v, 1), AN_RANGE, "number: Eastern Arabic-Indic digits, above");
	v[0] = " 7 ";
	t_eq_int(check(4, v, 1), AN_OK, "number: spaces around it");
	v[0] = "Yes";
	t_eq_int(check(5, v, 1), AN_YESNO, "yes/no is literal");
	v[0] = "71:2"; v[1] = "72:1"; v[2] = "73:3";
	t_eq_int(check(6, v, 3), AN_OK, "ranking: a permutation");
	v[2] = "73:2";
	t_eq_int(check(6, v, 3), AN_RANK, "ranking: a position twice");
	t_eq_int(check(6, v, 2), AN_RANK, "ranking: an item left out");
	v[0] = "81:11"; v[1] = "82:12";
	t_eq_int(check(7, v, 2), AN_OK, "matrix: every row once");
	t_eq_int(check(7, v, 1), AN_ROWS, "matrix: a row unanswered");
	v[1] = "81:12";
	t_eq_int(check(7, v, 2), AN_ROWS, "matrix: a row twice");
	v[1] = "83:12";
	t_eq_int(check(7, v, 2), AN_OPTION, "matrix: not its row");
	v[0] = "2027-02-29";
	t_eq_int(check(8, v, 1), AN_DATE, "29 February of a common year");
	v[0] = "2028-02-29";
	t_eq_int(check(8, v, 1), AN_OK, "29 February of a leap year");
	{
		char	 big[SV_TEXT_MAX * 2 + 3];
		memset(big, 'a', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		v[0] = big;
		t_eq_int(check(2, v, 1), AN_TOO_LONG, "short text too long");
		/* 500 Arabic letters are 1,000 bytes but 500 characters */
		memset(big, 0, sizeof(big));
		for (int i = 0; i < SV_TEXT_MAX; i++)
			memcpy(big + 2 * i, "\xd8\xb9", 2);
		t_eq_int(check(2, v, 1), AN_OK,
		    "the limit counts characters, not bytes");
	}
}

static void
test_aggregates(void)
{
	long long	 v[] = { 1, 2, 3, 4, 5 }, n[] = { 1, 0, 2, 0, 1 },
	    n2[] = { 1, 1, 0, 0, 0 }, z[] = { 0, 0, 0, 0, 0 };

	t_eq_int(survey_mean100(v, n, 5), 300, "mean of 1,3,3,5 is 3.00");
	t_eq_int(survey_median2(v, n, 5), 6, "median of 1,3,3,5 is 3");
	t_eq_int(survey_median2(v, n2, 5), 3, "median of 1,2 is 1.5");
	t_eq_int(survey_mean100(v, n2, 5), 150, "mean of 1,2 is 1.50");
	t_eq_int(survey_mean100(v, z, 5), 0, "no answers: 0");
	t_eq_int(survey_permille(1, 3), 333, "a third is 33.3 %");
	t_eq_int(survey_permille(2, 3), 667, "two thirds 66.7 %");
	t_eq_int(survey_permille(5, 4), 1000, "never over 100 %");
	t_eq_int(survey_permille(1, 0), 0, "of nothing: 0");
	{
		unsigned long long a, b;
		t_ok(survey_pair("12:3", &a, &b) == 0 && a == 12 && b == 3,
		    "a pair");
		t_ok(survey_pair("12:", &a, &b) == -1, "half a pair");
		t_ok(survey_pair("1 2:3", &a, &b) == -1, "no blanks");
	}
	t_eq_int(survey_kind("matrix"), QK_MATRIX, "kind names");
	t_eq_int(survey_kind("grid"), QK__MAX, "unknown kind");
	t_ok(q_kind_names[QK__MAX] == NULL, "kind names end with NULL");
}

static void
test_qdef(void)
{
	struct qdef	 d;

	memset(&d, 0, sizeof(d));
	d.kind = QK_SINGLE;
	d.nopt = 1;
	t_eq_int(survey_check_qdef(&d), QD_OPTIONS, "a choice needs two answers");
	d.nopt = 2;
	t_eq_int(survey_check_qdef(&d), QD_OK, "two will do");
	d.nopt_en = 1;
	t_eq_int(survey_check_qdef(&d), QD_OPTIONS_EN,
	    "as many English answers as Arabic ones");
	d.nopt_en = 0;
	d.nopt = SV_MAXOPT + 1;
	t_eq_int(survey_check_qdef(&d), QD_OPTIONS, "at most 50 answers");
	d.kind = QK_MULTIPLE;
	d.nopt = 3;
	d.min_choices = 2;
	d.max_choices = 1;
	t_eq_int(survey_check_qdef(&d), QD_CHOICES, "minimum above maximum");
	d.max_choices = 4;
	t_eq_int(survey_check_qdef(&d), QD_CHOICES, "maximum above the answers");
	d.max_choices = 0;
	t_eq_int(survey_check_qdef(&d), QD_OK, "no maximum");
	memset(&d, 0, sizeof(d));
	d.kind = QK_MATRIX;
	d.nopt = 3;
	t_eq_int(survey_check_qdef(&d), QD_ROWS, "a matrix needs rows");
	d.nrows = 2;
	t_eq_int(survey_check_qdef(&d), QD_OK, "a matrix of 2 × 3");
	memset(&d, 0, sizeof(d));
	d.kind = QK_SCALE;
	d.scale_max = 7;
	t_eq_int(survey_check_qdef(&d), QD_SCALE, "a scale is 1–5 or 1–10");
	d.scale_max = 10;
	t_eq_int(survey_check_qdef(&d), QD_OK, "1–10");
	memset(&d, 0, sizeof(d));
	d.kind = QK_NUMBER;
	d.num_min = d.num_max = 5;
	t_eq_int(survey_check_qdef(&d), QD_RANGE, "an empty range");
	d.kind = QK__MAX;
	t_eq_int(survey_check_qdef(&d), QD_KIND, "no kind");
	d.kind = QK_TEXT;
	t_eq_int(survey_check_qdef(&d), QD_OK, "a text needs nothing else");
}

int
main(void)
{
	test_qdef();
	test_graph();
	test_visible();
	test_answers();
	test_aggregates();
	return t_done();
}
