/*
 * guide.h - what a pupil in Years 7 to 10 can do now, for an interest
 * area: the GCSE subjects that help, things to try, and the routes at 16
 * and 18. From data/gcse_subjects.txt (written by the careers project,
 * each line with its source), embedded at build time.
 */
#ifndef CAREERS_GUIDE_H
#define CAREERS_GUIDE_H

struct guide_area {
	const char *slug;		/* the interest area's slug: "animals" */
	const char *subjects;		/* "English; Maths; Biology or Combined Science; ..." */
	const char *try_now;		/* "volunteer at an animal rescue or city farm; ..." */
	const char *source;		/* the page the subjects were checked against */
};

/* The guide for an interest area's slug, or NULL when the file has none. */
const struct guide_area *guide_for(const char *slug);

/* How many areas the file has, and each in file order (NULL past the end). */
int guide_count(void);
const struct guide_area *guide_at(int i);

/* The routes at 16 and at 18, in plain words, the same for everyone. */
extern const char guide_at_16[];
extern const char guide_at_18[];

#endif
