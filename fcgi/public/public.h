/*
 * public.h — page handlers of sharek-public.
 */
#ifndef SHAREK_PUBLIC_H
#define SHAREK_PUBLIC_H

struct req;

int	page_home(struct req *);

#endif
