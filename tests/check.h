/*
 * check.h - the project's tiny unit-test kit.
 *
 * A test file defines cases with TEST(name) { ... } and lists them in
 * TESTS(...) at the bottom, which writes main(). Checks report file:line
 * and carry on, so one run shows every failure; the process exits 1 if
 * any check failed, 77 (ctest's "skipped") only if every case called
 * SKIP(), else 0.
 *
 *	TEST(postcode_spacing) {
 *		CHECK_STR(canon("dn13bu"), "DN1 3BU");
 *	}
 *	TESTS(postcode_spacing)
 */
#ifndef CAREERS_CHECK_H
#define CAREERS_CHECK_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int check_failures;
extern int check_skipped;
extern const char *check_current;

#define TEST(name) static void test_##name(void)

#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__, __LINE__, \
				check_current, #cond); \
			check_failures++; \
		} \
	} while (0)

#define CHECK_INT(got, want) \
	do { \
		long long g_ = (long long)(got), w_ = (long long)(want); \
		if (g_ != w_) { \
			fprintf(stderr, "%s:%d: %s: %s is %lld, expected %lld\n", __FILE__, \
				__LINE__, check_current, #got, g_, w_); \
			check_failures++; \
		} \
	} while (0)

#define CHECK_NEAR(got, want, tolerance) \
	do { \
		double g_ = (got), w_ = (want); \
		if (!(fabs(g_ - w_) <= (tolerance))) { \
			fprintf(stderr, "%s:%d: %s: %s is %.9g, expected %.9g (+/- %g)\n", \
				__FILE__, __LINE__, check_current, #got, g_, w_, \
				(double)(tolerance)); \
			check_failures++; \
		} \
	} while (0)

#define CHECK_STR(got, want) \
	do { \
		const char *g_ = (got), *w_ = (want); \
		if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) { \
			fprintf(stderr, "%s:%d: %s: %s is \"%s\", expected \"%s\"\n", __FILE__, \
				__LINE__, check_current, #got, g_ ? g_ : "(null)", \
				w_ ? w_ : "(null)"); \
			check_failures++; \
		} \
	} while (0)

/* got contains want as a substring. */
#define CHECK_CONTAINS(got, want) \
	do { \
		const char *g_ = (got), *w_ = (want); \
		if (!g_ || !strstr(g_, w_)) { \
			fprintf(stderr, "%s:%d: %s: %s does not contain \"%s\"; it is:\n%s\n", \
				__FILE__, __LINE__, check_current, #got, w_, g_ ? g_ : "(null)"); \
			check_failures++; \
		} \
	} while (0)

#define CHECK_NOT_CONTAINS(got, want) \
	do { \
		const char *g_ = (got), *w_ = (want); \
		if (g_ && strstr(g_, w_)) { \
			fprintf(stderr, "%s:%d: %s: %s should not contain \"%s\"\n", __FILE__, \
				__LINE__, check_current, #got, w_); \
			check_failures++; \
		} \
	} while (0)

/* Skip the rest of this case (e.g. ../shared/refdata is absent). */
#define SKIP(why) \
	do { \
		fprintf(stderr, "%s: skipped: %s\n", check_current, why); \
		check_skipped++; \
		return; \
	} while (0)

#define TEST_RUN(name) check_current = #name; check_cases++; test_##name();

#define TESTS(...) \
	int check_failures, check_skipped; \
	const char *check_current; \
	int main(void) \
	{ \
		int check_cases = 0; \
		CHECK_FOR_EACH(__VA_ARGS__) \
		if (check_failures) \
			fprintf(stderr, "%d check(s) failed\n", check_failures); \
		return check_failures ? 1 : check_skipped == check_cases ? 77 : 0; \
	}

/* Up to 40 cases per file. */
#define CHECK_FE_1(m, x) m(x)
#define CHECK_FE_2(m, x, ...) m(x) CHECK_FE_1(m, __VA_ARGS__)
#define CHECK_FE_3(m, x, ...) m(x) CHECK_FE_2(m, __VA_ARGS__)
#define CHECK_FE_4(m, x, ...) m(x) CHECK_FE_3(m, __VA_ARGS__)
#define CHECK_FE_5(m, x, ...) m(x) CHECK_FE_4(m, __VA_ARGS__)
#define CHECK_FE_6(m, x, ...) m(x) CHECK_FE_5(m, __VA_ARGS__)
#define CHECK_FE_7(m, x, ...) m(x) CHECK_FE_6(m, __VA_ARGS__)
#define CHECK_FE_8(m, x, ...) m(x) CHECK_FE_7(m, __VA_ARGS__)
#define CHECK_FE_9(m, x, ...) m(x) CHECK_FE_8(m, __VA_ARGS__)
#define CHECK_FE_10(m, x, ...) m(x) CHECK_FE_9(m, __VA_ARGS__)
#define CHECK_FE_11(m, x, ...) m(x) CHECK_FE_10(m, __VA_ARGS__)
#define CHECK_FE_12(m, x, ...) m(x) CHECK_FE_11(m, __VA_ARGS__)
#define CHECK_FE_13(m, x, ...) m(x) CHECK_FE_12(m, __VA_ARGS__)
#define CHECK_FE_14(m, x, ...) m(x) CHECK_FE_13(m, __VA_ARGS__)
#define CHECK_FE_15(m, x, ...) m(x) CHECK_FE_14(m, __VA_ARGS__)
#define CHECK_FE_16(m, x, ...) m(x) CHECK_FE_15(m, __VA_ARGS__)
#define CHECK_FE_17(m, x, ...) m(x) CHECK_FE_16(m, __VA_ARGS__)
#define CHECK_FE_18(m, x, ...) m(x) CHECK_FE_17(m, __VA_ARGS__)
#define CHECK_FE_19(m, x, ...) m(x) CHECK_FE_18(m, __VA_ARGS__)
#define CHECK_FE_20(m, x, ...) m(x) CHECK_FE_19(m, __VA_ARGS__)
#define CHECK_FE_21(m, x, ...) m(x) CHECK_FE_20(m, __VA_ARGS__)
#define CHECK_FE_22(m, x, ...) m(x) CHECK_FE_21(m, __VA_ARGS__)
#define CHECK_FE_23(m, x, ...) m(x) CHECK_FE_22(m, __VA_ARGS__)
#define CHECK_FE_24(m, x, ...) m(x) CHECK_FE_23(m, __VA_ARGS__)
#define CHECK_FE_25(m, x, ...) m(x) CHECK_FE_24(m, __VA_ARGS__)
#define CHECK_FE_26(m, x, ...) m(x) CHECK_FE_25(m, __VA_ARGS__)
#define CHECK_FE_27(m, x, ...) m(x) CHECK_FE_26(m, __VA_ARGS__)
#define CHECK_FE_28(m, x, ...) m(x) CHECK_FE_27(m, __VA_ARGS__)
#define CHECK_FE_29(m, x, ...) m(x) CHECK_FE_28(m, __VA_ARGS__)
#define CHECK_FE_30(m, x, ...) m(x) CHECK_FE_29(m, __VA_ARGS__)
#define CHECK_FE_31(m, x, ...) m(x) CHECK_FE_30(m, __VA_ARGS__)
#define CHECK_FE_32(m, x, ...) m(x) CHECK_FE_31(m, __VA_ARGS__)
#define CHECK_FE_33(m, x, ...) m(x) CHECK_FE_32(m, __VA_ARGS__)
#define CHECK_FE_34(m, x, ...) m(x) CHECK_FE_33(m, __VA_ARGS__)
#define CHECK_FE_35(m, x, ...) m(x) CHECK_FE_34(m, __VA_ARGS__)
#define CHECK_FE_36(m, x, ...) m(x) CHECK_FE_35(m, __VA_ARGS__)
#define CHECK_FE_37(m, x, ...) m(x) CHECK_FE_36(m, __VA_ARGS__)
#define CHECK_FE_38(m, x, ...) m(x) CHECK_FE_37(m, __VA_ARGS__)
#define CHECK_FE_39(m, x, ...) m(x) CHECK_FE_38(m, __VA_ARGS__)
#define CHECK_FE_40(m, x, ...) m(x) CHECK_FE_39(m, __VA_ARGS__)
#define CHECK_FE_PICK(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, \
		      _17, _18, _19, _20, _21, _22, _23, _24, _25, _26, _27, _28, _29, _30, \
		      _31, _32, _33, _34, _35, _36, _37, _38, _39, _40, name, ...) name
#define CHECK_FOR_EACH(...) \
	CHECK_FE_PICK(__VA_ARGS__, CHECK_FE_40, CHECK_FE_39, CHECK_FE_38, CHECK_FE_37, \
		      CHECK_FE_36, CHECK_FE_35, CHECK_FE_34, CHECK_FE_33, CHECK_FE_32, \
		      CHECK_FE_31, CHECK_FE_30, CHECK_FE_29, CHECK_FE_28, CHECK_FE_27, \
		      CHECK_FE_26, CHECK_FE_25, CHECK_FE_24, CHECK_FE_23, CHECK_FE_22, \
		      CHECK_FE_21, CHECK_FE_20, CHECK_FE_19, CHECK_FE_18, CHECK_FE_17, \
		      CHECK_FE_16, CHECK_FE_15, CHECK_FE_14, CHECK_FE_13, CHECK_FE_12, \
		      CHECK_FE_11, CHECK_FE_10, CHECK_FE_9, CHECK_FE_8, CHECK_FE_7, CHECK_FE_6, \
		      CHECK_FE_5, CHECK_FE_4, CHECK_FE_3, CHECK_FE_2, CHECK_FE_1)(TEST_RUN, \
										 __VA_ARGS__)

/* Path of a file under ../shared/refdata, or NULL when that folder is absent. */
const char *check_refdata(const char *relative);
/* Path of a file under tests/fixtures. */
const char *check_fixture(const char *relative);

#endif
