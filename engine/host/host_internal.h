/*
 * host_internal.h: the browser host's pieces (host.c: HTTP and routes;
 * team.c: runs on their threads; pages.c: the HTML).
 */
#ifndef SCALEUP_HOST_INTERNAL_H
#define SCALEUP_HOST_INTERNAL_H

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>

#include "core/debrief.h"
#include "core/session.h"
#include "core/util.h"
#include "host.h"

#define HOST_TOKEN_CHARS 32 /* 128 random bits as hex */
#define HOST_CODE_CHARS 6   /* the workshop code */
#define HOST_RESUME_CHARS 8 /* a team's resume code */
#define HOST_PAIR_CHARS 6   /* a duet's pair code, for the partner's browser */
#define HOST_SEATS 2        /* a solo run has one browser's seat, a duet two */
#define HOST_WAITERS 8      /* pages of one team suspended until its run is ready */

/* What a team's run is doing. */
enum team_state {
    TEAM_STARTING, /* the thread loads the scenario */
    TEAM_BUSY,     /* the session carries out a command */
    TEAM_DECIDE,   /* a scene waits for a choice */
    TEAM_OUTCOME,  /* feedback waits for "continue" */
    TEAM_DEBRIEF,  /* the debrief is shown */
    TEAM_ERROR,    /* a scenario error is shown */
    TEAM_ENDED,    /* the run is over and closed */
    TEAM_PAIRING,  /* a duet waits for its partner's browser; no thread yet */
};

struct host_scenario {
    char path[PATH_MAX];
    char id[LIMIT_ID_BYTES + 1];
    char title[256];
    int nroles;
    char role_ids[LIMIT_ROLES][LIMIT_ID_BYTES + 1];
    char role_names[LIMIT_ROLES][128];
    bool duet; /* written for duets */
};

/* One browser's place at a run: its cookie, form token and resume code, and
 * its team's name. Seat 0 is the run's first player, seat 1 a duet's
 * partner (the game's player 1). */
struct seat {
    char cookie[HOST_TOKEN_CHARS + 1];
    char csrf[HOST_TOKEN_CHARS + 1];
    char resume[HOST_RESUME_CHARS + 1];
    char name[LIMIT_NAME_BYTES + 1];
};

struct team {
    /* Fixed once the run starts (read without a lock); a duet's seat 1 and
     * nseats are written while it pairs, before the start, under both
     * t->mu and host.mu (taken in that order). */
    int index;
    struct seat seats[HOST_SEATS];
    int nseats;   /* 1, or 2 once a duet's partner joined */
    bool duet;
    int scenario; /* index into host.scenarios */
    int role;     /* seat 0's; a duet's partner plays the other */
    uint64_t seed;
    char pair[HOST_PAIR_CHARS + 1]; /* under host.mu: the pair code while pairing */

    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    /* Under mu. While state is not STARTING or BUSY, the run's thread waits
     * and does not touch s: pages read it under mu. */
    enum team_state state;
    unsigned step;    /* changes with every new wait: a form for an old one is stale */
    bool has_command;
    struct fe_command command;
    double shown_at;  /* clock_seconds() when the current wait began */
    double deadline;  /* a timed decision's end (clock_seconds), 0: untimed */
    struct session s;
    bool open;        /* s is open */
    struct debrief debrief;
    char message[1024]; /* the error (TEAM_ERROR) */
    char notice[1024];  /* shown once on the next page */
    bool finished;      /* reached an ending at least once */
    int picks[HOST_SEATS]; /* a duet's secret picks so far at this step, 0: none yet */
    /* Pages (libmicrohttpd connections) that wait for the run to be ready,
     * suspended so that they hold no HTTP thread; resumed by the run. */
    void *waiters[HOST_WAITERS];
    int nwaiters;

    /* Under host.mu. */
    char results_file[PATH_MAX]; /* the run's result file (the session's) */
    bool resumed;                /* started from results_file */
};

struct host {
    const struct host_config *cfg;
    struct host_scenario scenarios[HOST_MAX_SCENARIOS];
    int nscenarios;
    char code[HOST_CODE_CHARS + 1];
    char token[HOST_TOKEN_CHARS + 1];
    char fac_csrf[HOST_TOKEN_CHARS + 1];
    char state_dir[PATH_MAX];   /* DIR/.scaleup-host */
    char base_url[300];
    pthread_mutex_t mu;
    struct team *teams[LIMIT_HOST_TEAMS];
    int nteams;
    bool reveal;                /* the facilitator shows the per-option counts */
};

extern struct host host;

/* Random bytes as an alphabet's characters (from getrandom). */
void host_random(char *out, int n, const char *alphabet);

/* host.c: resumes a page's connection suspended until its run was ready. */
void host_resume(void *connection);

/* team.c */
/* The run is carrying out a command (no page can be drawn yet); under t->mu. */
static inline bool team_busy(const struct team *t)
{
    return t->state == TEAM_STARTING || t->state == TEAM_BUSY || t->has_command;
}
/* Resumes every page waiting for t's run; under t->mu. */
void team_wake(struct team *t);
/* A new team (its lock and condition ready), not yet started. */
struct team *team_new(void);
/* The role index a seat plays (a duet's partner the other role). */
int seat_role(const struct team *t, int seat);
/* Starts a run for t on its own thread (new, or resumed from t->results_file). */
bool team_start(struct team *t);
/* Waits (up to LIMIT_HOST_WAIT_MS) until the run waits for the browser;
 * returns with t->mu held either way. */
void team_lock_ready(struct team *t);
/* Hands a command to the run when step is the current one; under t->mu. */
bool team_send(struct team *t, unsigned step, struct fe_command c);
/* Writes the host's list of teams (DIR/.scaleup-host/teams.json); under host.mu. */
void host_save_teams(void);
/* Reads it back and starts every run; false when there is none. */
void host_load_teams(void);

/* pages.c: whole HTML pages into out. */
struct page_ctx {
    const char *theme;  /* "dark", "light", "contrast" or "" (the system's) */
    const char *csrf;   /* the form token */
};
void page_begin(struct strbuf *out, const struct page_ctx *pc, const char *title, int refresh);
void page_end(struct strbuf *out);
void html_text(struct strbuf *out, const char *s);      /* escapes &<>"' */
void html_rendered(struct strbuf *out, const char *s);  /* a rendered scenario text, paragraphs */
void page_join(struct strbuf *out, const struct page_ctx *pc, const char *error);
/* The page of a seat's run; under t->mu. */
void page_team(struct strbuf *out, const struct page_ctx *pc, struct team *t, int seat);
void page_facilitator(struct strbuf *out, const struct page_ctx *pc);
void page_message(struct strbuf *out, const struct page_ctx *pc, const char *title,
                  const char *text);
/* qr.c: the QR code of text as inline SVG, labelled for screen readers;
 * false when it cannot be made (too long, or built without libqrencode). */
bool qr_svg(struct strbuf *out, const char *text, const char *label);
extern const char host_css[];
extern const char host_js[];

#endif
