/*
 * baseline.c — the benchmark's yardstick: a FastCGI program that answers
 * every request with a fixed HTML body of BASELINE_SIZE bytes through the
 * same nginx and the same kind of socket.  `make bench` reports Sharek's
 * pages as a ratio to it, so the figure does not depend on the machine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>

int
main(void)
{
	FCGX_Request	 req;
	const char	*env = getenv("BASELINE_SIZE");
	long		 size = env != NULL ? strtol(env, NULL, 10) : 4096;
	char		*body, head[256];
	int		 hl;

	if (size < 0 || size > 16 << 20)
		size = 4096;
	if ((body = malloc((size_t)size + 1)) == NULL)
		return 1;
	memset(body, 'x', (size_t)size);
	hl = snprintf(head, sizeof(head), "Status: 200 OK\r\nContent-Type: "
	    "text/html; charset=utf-8\r\nContent-Length: %ld\r\n\r\n", size);
	if (FCGX_Init() != 0)
		return 1;
	FCGX_InitRequest(&req, 0, 0);
	while (FCGX_Accept_r(&req) >= 0) {
		FCGX_PutStr(head, hl, req.out);
		FCGX_PutStr(body, (int)size, req.out);
		FCGX_Finish_r(&req);
	}
	free(body);
	return 0;
}
