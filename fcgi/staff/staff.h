/*
 * staff.h — page handlers of sharek-staff.
 */
#ifndef SHAREK_STAFF_H
#define SHAREK_STAFF_H

struct req;

int	page_dashboard(struct req *);

#endif
