/*
 * complaints.h — page handlers of sharek-complaints.
 */
#ifndef SHAREK_COMPLAINTS_H
#define SHAREK_COMPLAINTS_H

struct req;

int	page_home(struct req *);

#endif
