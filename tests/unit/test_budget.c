/*
 * test_budget.c — participatory budgeting's winner rules (issue 19):
 * greedy by votes within the budget, the Method of Equal Shares with its
 * greedy completion and tie rule, paper ballots as copies, the checks of
 * a ballot and amounts in minor units.
 */
#include <string.h>

#include "budget.h"
#include "t.h"

#define NP(a)	((int)(sizeof(a) / sizeof((a)[0])))

static void
projects(struct bud_project *p, int np, const int64_t *cost)
{
	memset(p, 0, sizeof(*p) * np);
	for (int i = 0; i < np; i++) {
		p[i].id = 10 + i;
		p[i].cost = cost[i];
		p[i].eligible = 1;
	}
}

static unsigned
won(const struct bud_project *p, int np)
{
	unsigned m = 0;

	for (int i = 0; i < np; i++)
		if (p[i].won)
			m |= 1u << i;
	return m;
}

int
main(void)
{
	/* X costs the whole budget, six voters; four others want the four
	 * small projects Y1…Y4. */
	static const int64_t cost[] = { 100000, 25000, 25000, 25000, 25000 };
	static const int x[] = { 0 }, y[] = { 1, 2, 3, 4 };
	struct bud_ballot_in b[10], paper[2];
	struct bud_project p[5];
	char	 buf[32];

	for (int i = 0; i < 10; i++) {
		b[i].proj = i < 6 ? x : y;
		b[i].n = i < 6 ? 1 : 4;
		b[i].copies = 1;
	}
	projects(p, 5, cost);
	bud_count(p, 5, b, 10);
	t_eq_int(p[0].votes, 6, "X has six votes");
	t_eq_int(p[3].votes, 4, "Y3 has four votes");
	t_eq_int(bud_greedy(p, 5, 100000), 100000, "greedy spends the budget");
	t_eq_int(won(p, 5), 0x1, "greedy funds X alone");
	t_eq_int(bud_mes(p, 5, b, 10, 100000), 100000,
	    "equal shares spends the budget");
	t_eq_int(won(p, 5), 0x1e,
	    "equal shares funds Y1 (the minority's shares), then completes "
	    "with Y2–Y4 by greedy; X cannot be paid by its 60%");

	/* The same ballots in another order give the same winners. */
	{
		struct bud_ballot_in r[10];

		for (int i = 0; i < 10; i++)
			r[i] = b[9 - i];
		projects(p, 5, cost);
		bud_count(p, 5, r, 10);
		bud_mes(p, 5, r, 10, 100000);
		t_eq_int(won(p, 5), 0x1e, "ballot order does not matter");
	}

	/* Paper ballots are copies: 6 × {X} and 4 × {Y} as two rows. */
	paper[0].proj = x; paper[0].n = 1; paper[0].copies = 6;
	paper[1].proj = y; paper[1].n = 4; paper[1].copies = 4;
	projects(p, 5, cost);
	bud_count(p, 5, paper, 2);
	t_eq_int(p[0].votes, 6, "paper copies count as votes");
	bud_mes(p, 5, paper, 2, 100000);
	t_eq_int(won(p, 5), 0x1e, "paper copies equal single ballots in MES");

	/* Ties: equal votes and cost → the lower project number. */
	{
		static const int64_t c2[] = { 50000, 50000, 50000 };
		static const int all[] = { 0, 1, 2 };
		struct bud_ballot_in t1 = { all, 3, 2 };
		struct bud_project q[3];

		projects(q, 3, c2);
		q[0].id = 7; q[1].id = 3; q[2].id = 5;
		bud_count(q, 3, &t1, 1);
		bud_greedy(q, 3, 100000);
		t_eq_int(won(q, 3), 0x6, "greedy tie: numbers 3 and 5 win");
		bud_mes(q, 3, &t1, 1, 100000);
		t_eq_int(won(q, 3), 0x6, "MES tie: numbers 3 and 5 win");
		/* Equal votes, different cost: the cheaper first. */
		q[0].cost = 40000;
		bud_greedy(q, 3, 100000);
		t_eq_int(won(q, 3), 0x3, "greedy tie on votes: the cheaper first");
	}

	/* Greedy skips what does not fit and tries the next. */
	{
		static const int64_t c3[] = { 70000, 50000, 30000 };
		static const int a[] = { 0, 1 }, bb[] = { 0, 2 }, c[] = { 0, 1 };
		struct bud_ballot_in t3[] = { { a, 2, 1 }, { bb, 2, 1 },
		    { c, 2, 1 } };
		struct bud_project q[3];

		projects(q, 3, c3);
		bud_count(q, 3, t3, 3);
		t_eq_int(bud_greedy(q, 3, 100000), 100000,
		    "greedy: 70,000 then skips 50,000, takes 30,000");
		t_eq_int(won(q, 3), 0x5, "greedy winners 1 and 3");
		q[1].eligible = 0;
		bud_greedy(q, 3, 100000);
		t_eq_int(won(q, 3), 0x5, "an infeasible project never wins");
		q[1].eligible = 1;
		q[2].votes = 0;
		bud_greedy(q, 3, 100000);
		t_eq_int(won(q, 3), 0x1, "a project without votes never wins");
	}

	/* Exact shares: 3 voters of 10,000 each 3,333.333…; a project of
	 * 10,000 with all three supporting is exactly affordable. */
	{
		static const int64_t c4[] = { 10000 };
		static const int a[] = { 0 };
		struct bud_ballot_in t4 = { a, 1, 3 };
		struct bud_project q[1];

		projects(q, 1, c4);
		bud_count(q, 1, &t4, 1);
		t_eq_int(bud_mes(q, 1, &t4, 1, 10000), 10000,
		    "thirds add up exactly");
	}

	/* The checks of a ballot. */
	{
		struct bud_rules r = { BB_KNAPSACK, 100000, 0, 0, 0 };
		int64_t	 c[] = { 60000, 50000 }, s;

		t_eq_int(bud_check(&r, c, 2, &s), BR_OVER_BUDGET,
		    "knapsack: 110,000 over 100,000 refused");
		t_eq_int(s, 110000, "the running total");
		t_eq_int(bud_check(&r, c, 1, &s), BR_OK, "60,000 fits");
		t_eq_int(bud_check(&r, c, 0, &s), BR_OK,
		    "a blank ballot is accepted");
		r.min_share_pct = 70;
		t_eq_int(bud_check(&r, c, 1, &s), BR_TOO_LITTLE,
		    "less than 70% spent refused");
		t_eq_int(bud_check(&r, c, 0, &s), BR_OK,
		    "a blank ballot even with a minimum share");
		r.ballot = BB_APPROVAL;
		r.max_projects = 1;
		r.min_share_pct = 0;
		t_eq_int(bud_check(&r, c, 2, &s), BR_TOO_MANY,
		    "approval: two of at most one refused");
		r.max_projects = 3;
		t_eq_int(bud_check(&r, c, 2, &s), BR_OK,
		    "approval ignores the costs");
		r.min_projects = 3;
		t_eq_int(bud_check(&r, c, 2, &s), BR_TOO_FEW,
		    "fewer than the minimum refused");
	}

	t_eq_int(bud_parse_amount("120,000.5"), 120000500, "parse 120,000.5");
	t_eq_int(bud_parse_amount("45000"), 45000000, "parse 45000");
	t_eq_int(bud_parse_amount("1.2345"), -1, "four decimals refused");
	t_eq_int(bud_parse_amount("abc"), -1, "letters refused");
	t_eq_str(bud_format_amount(250000000, buf, sizeof(buf)),
	    "250,000.000", "format 250,000.000");
	t_eq_str(bud_format_amount(999, buf, sizeof(buf)), "0.999",
	    "format 0.999");

	{
		const char *msg = NULL;

		t_eq_int(bud_parse_cost("12,500.250", &msg), 12500250,
		    "a cost typed with a thousands comma");
		t_eq_int(bud_parse_cost("0", &msg), -1, "a cost of zero refused");
		t_ok(msg != NULL, "with its message");
		t_eq_int(bud_parse_cost("a lot", &msg), -1, "words refused");
		t_eq_int(bud_parse_cost(NULL, &msg), -1, "nothing refused");
	}

	/* A budget's review chain is the consultations' (activity_next),
	 * ending at the liaison officer's approval. */
	t_eq_int(budget_chain_next("draft", AE_SUBMIT, ROLE_SUPERVISOR),
	    AS_SUBMITTED, "a supervisor submits a draft");
	t_eq_int(budget_chain_next("submitted", AE_FORWARD, ROLE_COORDINATOR),
	    AS_APPROVED, "the coordinator forwards it");
	t_eq_int(budget_chain_next("submitted", AE_RETURN, ROLE_COORDINATOR),
	    AS_RETURNED, "or returns it");
	t_eq_int(budget_chain_next("returned", AE_SUBMIT, ROLE_SUPERVISOR),
	    AS_SUBMITTED, "a returned one is submitted again");
	t_eq_int(budget_chain_next("approved", AE_APPROVE, ROLE_SUPERVISOR),
	    AS__MAX, "a supervisor cannot approve");
	t_eq_int(budget_chain_next("approved", AE_APPROVE, ROLE_COORDINATOR),
	    AS__MAX, "nor can the coordinator");
	t_eq_int(budget_chain_next("approved", AE_APPROVE, ROLE_LIAISON),
	    AS_SCHEDULED, "the liaison officer approves: open");
	t_eq_int(budget_chain_next("scheduled", AE_APPROVE, ROLE_LIAISON),
	    AS__MAX, "approved once only");
	t_eq_int(budget_chain_next("scheduled", AE_OPEN, ROLE__MAX), AS__MAX,
	    "no later state of a consultation applies");
	t_eq_int(budget_chain_next("draft", AE_FORWARD, ROLE_COORDINATOR),
	    AS__MAX, "a draft is not forwarded before it is submitted");
	return t_done();
}
