#include "settings.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/run.h"
#include "core/session.h"
#include "core/util.h"
#include "theme.h"

void settings_default(struct settings *s)
{
    memset(s, 0, sizeof *s);
    s->text_size = 100;
    s->theme = THEME_LIGHT;
    s->fullscreen = false;
    s->coaching = true;
}

bool settings_path(char *buf, size_t cap)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg && xdg[0] == '/') {
        str_format(buf, cap, "%s/scaleup/settings.json", xdg);
        return true;
    }
    const char *home = getenv("HOME");
    if (home && home[0]) {
        str_format(buf, cap, "%s/.config/scaleup/settings.json", home);
        return true;
    }
    return false;
}

enum settings_status settings_load(const char *path, struct settings *s, char *why, size_t cap)
{
    settings_default(s);
    why[0] = '\0';
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT)
        return SETTINGS_MISSING;
    struct diag err;
    size_t len;
    char *text = file_read_all(path, 64 * 1024, &len, &err);
    if (!text) {
        str_copy(why, cap, err.message);
        return SETTINGS_BROKEN;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    if (!root || !cJSON_IsObject(root)) {
        str_copy(why, cap, "it is not a JSON object");
        cJSON_Delete(root);
        return SETTINGS_BROKEN;
    }
    struct settings v;
    settings_default(&v);
    const cJSON *it;
    bool ok = true;
    if ((it = cJSON_GetObjectItemCaseSensitive(root, "text_size"))) {
        if (cJSON_IsNumber(it) && it->valuedouble >= SETTINGS_TEXT_MIN &&
            it->valuedouble <= SETTINGS_TEXT_MAX) {
            v.text_size = (int)it->valuedouble;
        } else {
            str_format(why, cap, "\"text_size\" must be a number from %d to %d", SETTINGS_TEXT_MIN,
                       SETTINGS_TEXT_MAX);
            ok = false;
        }
    }
    if (ok && (it = cJSON_GetObjectItemCaseSensitive(root, "theme"))) {
        int t = cJSON_IsString(it) ? theme_from_name(it->valuestring) : -1;
        if (t >= 0) {
            v.theme = t;
        } else {
            str_copy(why, cap, "\"theme\" must be \"light\", \"dark\", \"contrast\" or \"light-contrast\"");
            ok = false;
        }
    }
    if (ok && (it = cJSON_GetObjectItemCaseSensitive(root, "fullscreen"))) {
        if (cJSON_IsBool(it)) {
            v.fullscreen = cJSON_IsTrue(it);
        } else {
            str_copy(why, cap, "\"fullscreen\" must be true or false");
            ok = false;
        }
    }
    if (ok && (it = cJSON_GetObjectItemCaseSensitive(root, "coaching"))) {
        if (cJSON_IsBool(it)) {
            v.coaching = cJSON_IsTrue(it);
        } else {
            str_copy(why, cap, "\"coaching\" must be true or false");
            ok = false;
        }
    }
    if (ok && (it = cJSON_GetObjectItemCaseSensitive(root, "timers"))) {
        int t = cJSON_IsString(it) ? session_timers_from_name(it->valuestring) : -1;
        if (t >= 0) {
            v.timers = t;
        } else {
            str_copy(why, cap, "\"timers\" must be \"on\", \"slow\" or \"off\"");
            ok = false;
        }
    }
    if (ok && (it = cJSON_GetObjectItemCaseSensitive(root, "author"))) {
        if (cJSON_IsBool(it)) {
            v.author = cJSON_IsTrue(it);
        } else {
            str_copy(why, cap, "\"author\" must be true or false");
            ok = false;
        }
    }
    if (ok && (it = cJSON_GetObjectItemCaseSensitive(root, "presenter"))) {
        if (cJSON_IsBool(it)) {
            v.presenter = cJSON_IsTrue(it);
        } else {
            str_copy(why, cap, "\"presenter\" must be true or false");
            ok = false;
        }
    }
    if (ok && (it = cJSON_GetObjectItemCaseSensitive(root, "results_dir"))) {
        if (cJSON_IsString(it) && strlen(it->valuestring) < sizeof v.results_dir) {
            str_copy(v.results_dir, sizeof v.results_dir, it->valuestring);
        } else {
            str_copy(why, cap, "\"results_dir\" must be a folder's path");
            ok = false;
        }
    }
    cJSON_Delete(root);
    if (!ok)
        return SETTINGS_BROKEN;
    *s = v;
    return SETTINGS_OK;
}

bool settings_save(const char *path, const struct settings *s, bool broken, char *why, size_t cap)
{
    make_parents(path);
    if (broken) {
        char bad[PATH_MAX + 8];
        str_format(bad, sizeof bad, "%s.bad", path);
        if (rename(path, bad) != 0 && errno != ENOENT) {
            str_format(why, cap, "cannot move the unreadable %s aside: %s", path, strerror(errno));
            return false;
        }
    }
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "text_size", s->text_size);
    cJSON_AddStringToObject(root, "theme", theme_palette((enum win_theme)s->theme)->name);
    cJSON_AddBoolToObject(root, "fullscreen", s->fullscreen);
    cJSON_AddBoolToObject(root, "coaching", s->coaching);
    cJSON_AddStringToObject(root, "timers", session_timers_name((enum session_timers)s->timers));
    cJSON_AddBoolToObject(root, "presenter", s->presenter);
    cJSON_AddBoolToObject(root, "author", s->author);
    cJSON_AddStringToObject(root, "results_dir", s->results_dir);
    char *json = cJSON_Print(root);
    cJSON_Delete(root);
    struct strbuf sb;
    sb_init(&sb);
    sb_puts(&sb, json);
    sb_putc(&sb, '\n');
    cJSON_free(json);
    struct diag err;
    bool ok = file_write_atomic(path, sb.data, sb.len, &err);
    sb_free(&sb);
    if (!ok)
        str_copy(why, cap, err.message);
    return ok;
}
