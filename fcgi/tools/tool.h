/*
 * tool.h — shared state of sharekctl's commands.
 */
#ifndef SHAREK_TOOL_H
#define SHAREK_TOOL_H

struct arena;
struct db;

struct tool {
	struct arena	*a;
	const char	*root;		/* checkout root: sql/ lives here */
	struct db	*db;		/* admin account, database selected */
};

/* Each command: 0 success, 1 failure (message already printed). */
int	cmd_migrate(struct tool *, int, char **);
int	cmd_seed_demo(struct tool *, int, char **);
int	cmd_tick(struct tool *, int, char **);
int	cmd_user(struct tool *, int, char **);
int	cmd_admin(struct tool *, int, char **);
int	cmd_reindex(struct tool *, int, char **);
int	cmd_sweep_uploads(struct tool *, int, char **);
/* Removes the upload files no row names, older than an hour
 * (cmd_sweep.c; every tick runs it): how many, or -1. */
long long sweep_uploads(struct tool *);

/* Reads a whole file into the arena (NULL on error, message printed). */
char	*tool_slurp(struct tool *, const char *path);
/* Replaces every occurrence of from by to (arena-owned result). */
char	*tool_replace(struct arena *, const char *s, const char *from,
	    const char *to);
/* Connects the admin account; with_db=0 for CREATE DATABASE. */
struct db *tool_admin_db(int with_db);

#endif
