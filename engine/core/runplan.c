#include "runplan.h"

#include <string.h>

#include "catalog.h"
#include "run.h"

void runplan_solo(struct session *s, int role, const char *name)
{
    s->opt.setup.nplayers = 1;
    s->opt.setup.players[0].role = role;
    str_copy(s->names[0], sizeof s->names[0], name && name[0] ? name : "Player");
    s->opt.setup.players[0].name = s->names[0];
}

bool runplan_duet(struct session *s, const char *role_id, const char *player, const char *partner,
                  char *why, size_t cap)
{
    if (!s->sc->duet) {
        str_format(why, cap, "%s is not written for duets (its scenario { } has no duet = true)",
                   s->sc->id);
        return false;
    }
    int role = role_id ? scenario_role(s->sc, role_id) : 0;
    if (role < 0) {
        str_format(why, cap, "'%s' is not a role of %s", role_id, s->sc->id);
        return false;
    }
    s->opt.setup.nplayers = 2;
    s->opt.setup.players[0].role = role;
    s->opt.setup.players[1].role = 1 - role;
    str_copy(s->names[0], sizeof s->names[0], player ? player : "Player 1");
    str_copy(s->names[1], sizeof s->names[1], partner ? partner : "Player 2");
    return true;
}

bool runplan_resume_scenario(const char *file, char *path, size_t cap, char *why, size_t whycap,
                             bool *usage)
{
    struct run_record rec;
    struct diag err;
    *usage = false;
    if (!run_read(file, &rec, &err)) {
        struct strbuf line;
        sb_init(&line);
        diag_format(&err, false, &line);
        str_copy(why, whycap, line.data);
        sb_free(&line);
        return false;
    }
    bool found = catalog_bundled(rec.scenario_id, path, cap);
    if (!found) {
        *usage = true;
        str_format(why, whycap,
                   "%s was played with scenario '%s', which is not bundled: give its folder, as in "
                   "scaleup play FOLDER --resume %s",
                   file, rec.scenario_id, file);
    }
    run_record_free(&rec);
    return found;
}
