/*
 * lint.h: static checks of a loaded scenario, beyond what loading refuses.
 *
 * Each finding is a diagnostic with a code (see docs/authoring.md, "Lint"):
 *   unreachable          a scene no path from start leads to
 *   no-way-out           a scene where every choice (for some role) is conditional
 *   unused-ending        an ending no choice leads to
 *   flag-never-set       a flag required but never set (by set or in code)
 *   flag-never-used      a flag set but never required, shown or read
 *   stat-never-changes   a stat no effect or code changes
 *   dimension-unscored   a dimension no choice scores
 *   dimension-one-role   a dimension only one role can score
 *   no-feedback          a choice without feedback
 *   duplicate-choice     two choices of a scene with the same text
 *   text-overflow        a scene that will not fit the window without scrolling
 *   timer-no-timeout     a timed scene without a timeout choice
 *   timeout-conditional  a timeout choice that may not be offered
 *   both-no-settle       a duet scene decided by both, with no conflict scene or settle
 *   by-solo              by on a scene of a scenario that is not a duet
 *   unknown-name-in-code game.stats.X, game.score.X or game.visits.X names nothing
 *   locked-never-shown   a locked reason on a choice that has no condition
 *   unused-file          a .lua file of the scenario's folder that nothing includes
 *   name-not-filled      a {name} in a title, phase or locked reason (shown as written)
 *   unknown-name-in-text a {name} in a text function's strings that names nothing
 * and the tells (tells.c): tell-length, tell-straw-man, tell-duet-same and
 * tell-fixed-first per scene, tell-naive and tell-greedy per scenario.
 */
#ifndef SCALEUP_LINT_H
#define SCALEUP_LINT_H

#include "core/diag.h"
#include "core/scenario.h"

/* What the window shows without scrolling, at its reference size (1280x720,
 * default text size): used by the text-overflow check. */
#define LINT_WINDOW_COLUMNS 72
#define LINT_WINDOW_LINES 15

void lint_checks(const struct scenario *sc, struct diag_list *out);

/* Seeds per role for the naive-play tells: few, to keep lint fast (the
 * best per role is searched once and cached on disk). */
#define LINT_POLICY_SEEDS 3

/* The tells; seeds 0 skips the ones that play (tell-naive, tell-greedy). */
void lint_tells(const struct scenario *sc, struct diag_list *out, int seeds);

int cmd_lint(int argc, char **argv);

#endif
