/*
 * budget.h — participatory budgeting (issue 19; domain.md §2, the
 * collaboration axis): the pure, deterministic winner rules and the
 * checks of a ballot.  Money is in minor units (fils: 1/1000 of the
 * currency unit, as DECIMAL(15,3) stores it), always integers.
 *
 * A ballot is the set of projects a voter selects (approval).  A paper
 * ballot entered by staff is the same set with a number of copies.
 *
 * Rules, as the results page states them:
 *  - Greedy: eligible projects by votes, most first (ties: the lower
 *    cost, then the lower project number); each is funded if it fits in
 *    what is left of the budget, else skipped and the next one tried.
 *  - Method of Equal Shares (approval utilities): the budget is split
 *    equally among the voters; a project is funded if its supporters can
 *    pay its cost from their shares; in each round the project whose
 *    cost can be shared with the smallest largest payment ρ is funded,
 *    each supporter paying min(share left, ρ) (ties: more votes, then
 *    the lower cost, then the lower project number).  When no project
 *    can be paid for, the rest of the budget is completed by the greedy
 *    rule above.  Shares and ρ are exact rationals.
 * A project is eligible when it is feasible and has at least the
 * budget's minimum number of votes.
 */
#ifndef SHAREK_BUDGET_H
#define SHAREK_BUDGET_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "activity.h"

enum bud_method { BM_GREEDY, BM_MES, BM__MAX };
enum bud_ballot { BB_KNAPSACK, BB_APPROVAL, BB__MAX };
extern const char *const bud_method_names[BM__MAX + 1];
extern const char *const bud_method_labels[BM__MAX];
extern const char *const bud_ballot_names[BB__MAX + 1];
extern const char *const bud_ballot_labels[BB__MAX];
/* The states of a budget as stored (budgets.state) and their labels on
 * the staff pages, by the enum; budget_state: the enum of a stored name,
 * BST__MAX for none. */
enum bud_state { BST_DRAFT, BST_OPEN, BST_CLOSED, BST_PUBLISHED, BST__MAX };
extern const char *const budget_state_names[BST__MAX + 1];
extern const char *const budget_state_labels[BST__MAX];
enum bud_state	 budget_state(const char *);
/* Where an open budget is in its life, as a citizen sees it: taking
 * proposals, its projects under review before the vote, voting, voting
 * over (closed, or open past its close until the tick closes it),
 * results published; budget_phase from its stored state and dates
 * (proposals_close 0: none) at now. */
enum bud_phase { BPH_PROPOSALS, BPH_REVIEW, BPH_VOTING, BPH_CLOSED,
	BPH_PUBLISHED, BPH__MAX };
extern const char *const budget_phase_labels[BPH__MAX];
enum bud_phase	 budget_phase(enum bud_state, time_t opens, time_t closes,
		    time_t proposals_close, time_t now);

struct bud_project {
	uint64_t	 id;		/* project number: the last tie-break */
	int64_t		 cost;		/* minor units, ≥ 0 */
	int		 eligible;	/* feasible and enough votes */
	long		 votes;		/* filled by bud_count() */
	int		 won;		/* filled by bud_greedy()/bud_mes() */
};

struct bud_ballot_in {
	const int	*proj;		/* indexes into the projects */
	int		 n;
	long		 copies;	/* 1 online; a paper ballot's count */
};

/* Counts every ballot's copies into projects[].votes. */
void	bud_count(struct bud_project *, int np,
	    const struct bud_ballot_in *, int nb);
/* Sets projects[].won; returns the amount spent (minor units). */
int64_t	bud_greedy(struct bud_project *, int np, int64_t budget);
/* Sets projects[].won; returns the amount spent, or -1 if the exact
 * arithmetic would overflow (nothing is then marked). */
int64_t	bud_mes(struct bud_project *, int np,
	    const struct bud_ballot_in *, int nb, int64_t budget);

/* Why a ballot is refused (0 when valid). */
enum bud_refusal {
	BR_OK,
	BR_OVER_BUDGET,		/* knapsack: the costs exceed the budget */
	BR_TOO_MANY,		/* more than the maximum number of projects */
	BR_TOO_FEW,		/* fewer than the minimum */
	BR_TOO_LITTLE,		/* less than the minimum share spent */
	BR_UNKNOWN,		/* a project not of this budget or not open */
};
struct bud_rules {
	enum bud_ballot	 ballot;
	int64_t		 total;
	int		 min_projects;	/* 0: none */
	int		 max_projects;	/* 0: none (approval: N) */
	int		 min_share_pct;	/* 0–100 of the total, knapsack */
};
/* The check of a selection of the given costs; *sum gets their sum. */
enum bud_refusal bud_check(const struct bud_rules *, const int64_t *costs,
	    int n, int64_t *sum);

/* "120000.5" or "120,000.500" → minor units; -1 if malformed. */
int64_t	bud_parse_amount(const char *);
/* An amount a form gives for a cost or a total: minor units above zero
 * and within DECIMAL(15,3), or -1 with *msgid set to the message for its
 * field. */
int64_t	bud_parse_cost(const char *, const char **msgid);
/* Minor units → "120,000.500" (buf of at least 32 bytes). */
char	*bud_format_amount(int64_t, char *buf, size_t);

/* ---- the database side ---------------------------------------------
 * One tally feeds the public results and the staff page alike: the
 * projects in the order of the budget, their online and paper votes,
 * the winners by the budget's method, and the overrides applied. */
struct db;
struct arena;

struct bud_tally {
	struct bud_project	*p;		/* np, in the budget's order */
	int			 np;
	long			*online;	/* votes per project */
	long			*paper;
	int			*computed;	/* won by the rule */
	long			 ballots_online;	/* blank ones too */
	long			 ballots_paper;	/* copies */
	int64_t			 spent;		/* by the final winners */
	int			 inexact;	/* MES overflowed: greedy */
};
/* 0, or -1 on a database error.  eligible = feasible and at least
 * min_votes; a project's won = its override if any, else computed. */
int	budget_tally(struct db *, struct arena *, uint64_t budget,
	    int64_t total, enum bud_method, long min_votes,
	    const int *feasible, const int *override, struct bud_tally *);

/* A budget with its rules and projects, as both sides show it. */
struct budget {
	uint64_t		 id, entity_id;
	struct bud_rules	 rules;
	enum bud_method		 method;
	long			 min_votes;
	const char		*state, *currency;
	enum bud_state		 st;		/* state's enum */
	time_t			 opens, closes;
	int			 open, closed;	/* voting now; over */
	enum bud_phase		 phase;
	time_t			 proposals_close;	/* 0: none */
	int			 proposing;	/* citizens propose now */
	int			 reviewing;	/* before voting: projects
						   added and reviewed */
	struct dbres		*res;		/* SQL_BUDGET_GET's row */
	struct dbres		*projects;	/* SQL_BUDGET_PROJECTS */
	struct bud_tally	 t;		/* t.p[].id, .cost filled */
	int			*feasible, *override;
};
/* 0, 1 when there is no such budget (or a draft), -1 on error. */
int	budget_load(struct db *, struct arena *, uint64_t id, time_t now,
	    struct budget *);
/* budget_tally for a loaded budget. */
int	budget_count(struct db *, struct arena *, struct budget *);

/* The reader's ballot, replaced whole (one per account): BV_OK,
 * BV_CHANGED (a ballot replaced), BV_NOT_OPEN, BV_ERROR.  The caller
 * checked the selection (bud_check) against the projects. */
enum bud_vote { BV_OK, BV_CHANGED, BV_NOT_OPEN, BV_ERROR };
enum bud_vote budget_vote(struct db *, struct arena *, uint64_t budget,
	    uint64_t user, const uint64_t *projects, int n);

struct actor;

/* The review chain of the consultations (activity_next) for a budget
 * drafted by its entity: the state event leads to from the chain's
 * state from for role, or AS__MAX when it may not — only submit,
 * return, forward and approve, approval ending the chain (AS_SCHEDULED:
 * the budget is open). */
enum act_state	 budget_chain_next(const char *from, enum act_event,
		    enum role);
/* Applies it to budget id inside the caller's transaction, audited
 * (budget.submit, .return, .forward, .approve); a return needs its
 * reason, which the author reads.  1 done, 0 not allowed from its state
 * (or moved meanwhile, or no reason), -1 error.  The caller checked the
 * role's permission on the budget's entity. */
int	budget_chain(struct db *, struct arena *, const struct actor *,
	    enum role, uint64_t id, const char *from, enum act_event,
	    const char *reason);

/* The technical review of project (feasible or not, the public reason,
 * the corrected cost in minor units) by who, audited (budget.review);
 * the citizen who proposed it is told in their language.  Inside the
 * caller's transaction: 1 done, 0 no such project of b, -1 error. */
int	budget_review(struct db *, struct arena *, const struct actor *,
	    const struct budget *, uint64_t project, int feasible,
	    const char *reason, int64_t cost);

#endif
