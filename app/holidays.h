/*
 * holidays.h - bank holidays in England, for "a normal school day".
 *
 * The dates are data: data/bank_holidays_england.csv (from GOV.UK, Open
 * Government Licence v3.0), embedded in the program when it is built. A
 * date after the last year listed is not known to be a holiday or not;
 * holidays_known_until() says how far the list goes.
 */
#ifndef CAREERS_HOLIDAYS_H
#define CAREERS_HOLIDAYS_H

#include "schoolyear.h"

/* The holiday's name when d is a bank holiday in England, else NULL. */
const char *holidays_name(struct civil_date d);
/* The last year the list covers. */
int holidays_known_until(void);

#endif
