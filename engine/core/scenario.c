#include "scenario.h"

#include <stdlib.h>
#include <string.h>

#include "script.h"
#include "util.h"

int scenario_scene(const struct scenario *sc, const char *id)
{
    return strmap_get(&sc->scene_index, id, strlen(id));
}

int scenario_stat(const struct scenario *sc, const char *id)
{
    return strmap_get(&sc->stat_index, id, strlen(id));
}

int scenario_dimension(const struct scenario *sc, const char *id)
{
    return strmap_get(&sc->dimension_index, id, strlen(id));
}

int scenario_role(const struct scenario *sc, const char *id)
{
    return strmap_get(&sc->role_index, id, strlen(id));
}

int scenario_flag(const struct scenario *sc, const char *id)
{
    int f = strmap_get(&sc->flag_index, id, strlen(id));
    if (f < 0 && sc->live && sc->live->nflags > sc->nflags)
        f = strmap_get(&sc->live->flag_index, id, strlen(id));
    return f;
}

int scenario_choice(const struct scenario *sc, int scene, const char *id)
{
    const struct scene *s = &sc->scenes[scene];
    for (int i = 0; i < s->nchoices; i++) {
        const struct choice *ch = &sc->choices[s->first_choice + (uint32_t)i];
        if (strcmp(ch->id, id) == 0)
            return (int)(s->first_choice + (uint32_t)i);
    }
    return -1;
}

bool scenario_has_choice_id(const struct scenario *sc, const char *id)
{
    return strmap_get(&sc->choice_id_index, id, strlen(id)) >= 0;
}

/* Adds flag id as names[*n] (its copy in arena, indexed); its index, -1
 * for a bad id, -2 when LIMIT_FLAGS is reached. */
static int add_flag(struct arena *arena, const char **names, struct strmap *index, int *n, const char *id)
{
    if (*n >= LIMIT_FLAGS)
        return -2;
    size_t len = strlen(id);
    if (len == 0 || len > LIMIT_ID_BYTES)
        return -1;
    const char *copy = arena_strndup(arena, id, len);
    names[*n] = copy; /* sized LIMIT_FLAGS */
    strmap_put(index, copy, len, *n);
    return (*n)++;
}

int scenario_declare_flag(struct scenario *sc, const char *id)
{
    int f = scenario_flag(sc, id);
    return f >= 0 ? f : add_flag(&sc->arena, sc->flags, &sc->flag_index, &sc->nflags, id);
}

int scenario_intern_flag(const struct scenario *sc, const char *id)
{
    int f = scenario_flag(sc, id);
    if (f >= 0)
        return f;
    struct scenario_live *live = sc->live;
    if (sc->declares_flags || !live)
        return -1;
    return add_flag(&live->arena, live->flags, &live->flag_index, &live->nflags, id);
}

int scenario_flag_count(const struct scenario *sc)
{
    return sc->live ? sc->live->nflags : sc->nflags;
}

void scenario_live_new(struct scenario *sc)
{
    struct scenario_live *live = xcalloc(1, sizeof *live);
    live->flags = xcalloc(LIMIT_FLAGS, sizeof *live->flags);
    for (int f = 0; f < sc->nflags; f++)
        live->flags[f] = sc->flags[f];
    live->nflags = sc->nflags;
    strmap_init(&live->flag_index);
    arena_init(&live->arena);
    sc->live = live;
}

void scenario_live_free(struct scenario *sc)
{
    struct scenario_live *live = sc->live;
    if (!live)
        return;
    strmap_free(&live->flag_index);
    arena_free(&live->arena);
    free(live->flags);
    free(live);
    sc->live = NULL;
}

const char *verdict_name(enum verdict v)
{
    switch (v) {
    case VERDICT_SUCCESS: return "success";
    case VERDICT_MIXED: return "mixed";
    case VERDICT_FAILURE: return "failure";
    default: return "none";
    }
}

const char *scenario_file(const struct scenario *sc, struct srcpos pos)
{
    if (pos.file < sc->nfiles)
        return sc->files[pos.file].display;
    return sc->folder ? sc->folder : "";
}

const char *scenario_rating(const struct scenario *sc, double percent)
{
    for (int i = 0; i < sc->nratings; i++)
        if (percent >= sc->ratings[i].min)
            return sc->ratings[i].label;
    return NULL;
}

bool scenario_resolve_name(const void *ctx, const char *name, size_t len, struct piece *out)
{
    const struct scenario *sc = ctx;
    int i;
    if (len == 6 && memcmp(name, "player", 6) == 0) {
        out->kind = PIECE_PLAYER;
        out->len = 0;
    } else if (len == 4 && memcmp(name, "role", 4) == 0) {
        out->kind = PIECE_ROLE;
        out->len = 0;
    } else if ((i = strmap_get(&sc->stat_index, name, len)) >= 0) {
        out->kind = PIECE_STAT;
        out->len = (uint32_t)i;
    } else if ((i = strmap_get(&sc->dimension_index, name, len)) >= 0) {
        out->kind = PIECE_DIMENSION;
        out->len = (uint32_t)i;
    } else if ((i = strmap_get(&sc->flag_index, name, len)) >= 0) {
        out->kind = PIECE_FLAG;
        out->len = (uint32_t)i;
    } else {
        return false;
    }
    return true;
}
