/*
 * claim.c — see claim.h.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "claim.h"

static char	 claim_host[100];

static const char *
claim_hostname(void)
{
	if (claim_host[0] == '\0' &&
	    gethostname(claim_host, sizeof(claim_host) - 1) == -1)
		snprintf(claim_host, sizeof(claim_host), "localhost");
	return claim_host;
}

const char *
claim_me(void)
{
	static char	 me[120];

	snprintf(me, sizeof(me), "%s:%ld", claim_hostname(),
	    (long)getpid());
	return me;
}

int
claim_gone(const char *holder)
{
	const char	*colon, *host = claim_hostname();
	char		*end;
	long		 pid;

	if (holder == NULL || (colon = strrchr(holder, ':')) == NULL ||
	    (size_t)(colon - holder) != strlen(host) ||
	    strncmp(holder, host, strlen(host)) != 0)
		return 0;
	errno = 0;
	pid = strtol(colon + 1, &end, 10);
	if (errno != 0 || end == colon + 1 || *end != '\0' || pid <= 1)
		return 0;
	return kill((pid_t)pid, 0) == -1 && errno == ESRCH;
}
