#include "settings.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "run.h"
#include "session.h"
#include "util.h"

static const char *const theme_names[THEME_COUNT] = {
    [THEME_LIGHT] = "light",
    [THEME_DARK] = "dark",
    [THEME_CONTRAST] = "contrast",
    [THEME_LIGHT_CONTRAST] = "light-contrast",
};

const char *theme_name(enum win_theme t)
{
    if ((int)t < 0 || t >= THEME_COUNT)
        t = THEME_LIGHT;
    return theme_names[t];
}

int theme_from_name(const char *name)
{
    for (int t = 0; t < THEME_COUNT; t++)
        if (strcmp(name, theme_names[t]) == 0)
            return t;
    return -1;
}

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

/* The keys of settings.json and how each is read. Every key is optional; a
 * key of the wrong type or out of range makes the whole file broken (the
 * first such key, in this order, is the one reported), so that a hand edit
 * gone wrong is said, never half applied. */
enum setting_kind { KIND_TEXT_SIZE, KIND_THEME, KIND_BOOL, KIND_TIMERS, KIND_FOLDER };

static const struct setting_key {
    const char *name;
    enum setting_kind kind;
    size_t offset; /* of the field in struct settings */
} setting_keys[] = {
    {"text_size", KIND_TEXT_SIZE, offsetof(struct settings, text_size)},
    {"theme", KIND_THEME, offsetof(struct settings, theme)},
    {"fullscreen", KIND_BOOL, offsetof(struct settings, fullscreen)},
    {"coaching", KIND_BOOL, offsetof(struct settings, coaching)},
    {"timers", KIND_TIMERS, offsetof(struct settings, timers)},
    {"author", KIND_BOOL, offsetof(struct settings, author)},
    {"presenter", KIND_BOOL, offsetof(struct settings, presenter)},
    {"results_dir", KIND_FOLDER, offsetof(struct settings, results_dir)},
};

/* Reads the value it of key k into v; false with why set when the value is
 * not one the key takes. */
static bool setting_read(const struct setting_key *k, const cJSON *it, struct settings *v, char *why,
                         size_t cap)
{
    void *field = (char *)v + k->offset;
    switch (k->kind) {
    case KIND_TEXT_SIZE:
        if (cJSON_IsNumber(it) && it->valuedouble >= SETTINGS_TEXT_MIN && it->valuedouble <= SETTINGS_TEXT_MAX) {
            *(int *)field = (int)it->valuedouble;
            return true;
        }
        str_format(why, cap, "\"%s\" must be a number from %d to %d", k->name, SETTINGS_TEXT_MIN,
                   SETTINGS_TEXT_MAX);
        return false;
    case KIND_THEME:
    case KIND_TIMERS: {
        bool theme = k->kind == KIND_THEME;
        int named = !cJSON_IsString(it) ? -1
                    : theme             ? theme_from_name(it->valuestring)
                                        : session_timers_from_name(it->valuestring);
        if (named >= 0) {
            *(int *)field = named;
            return true;
        }
        str_format(why, cap, "\"%s\" must be %s", k->name,
                   theme ? "\"light\", \"dark\", \"contrast\" or \"light-contrast\"" : "\"on\", \"slow\" or \"off\"");
        return false;
    }
    case KIND_BOOL:
        if (cJSON_IsBool(it)) {
            *(bool *)field = cJSON_IsTrue(it);
            return true;
        }
        str_format(why, cap, "\"%s\" must be true or false", k->name);
        return false;
    case KIND_FOLDER:
        if (cJSON_IsString(it) && strlen(it->valuestring) < sizeof v->results_dir) {
            str_copy(field, sizeof v->results_dir, it->valuestring);
            return true;
        }
        str_format(why, cap, "\"%s\" must be a folder's path", k->name);
        return false;
    }
    return false;
}

/* The file's text as a JSON object; NULL with why set when it cannot be
 * read or is not one. */
static cJSON *settings_parse(const char *path, char *why, size_t cap)
{
    struct diag err;
    size_t len;
    char *text = file_read_all(path, 64 * 1024, &len, &err);
    if (!text) {
        str_copy(why, cap, err.message);
        return NULL;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    if (!root || !cJSON_IsObject(root)) {
        str_copy(why, cap, "it is not a JSON object");
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

enum settings_status settings_load(const char *path, struct settings *s, char *why, size_t cap)
{
    settings_default(s);
    why[0] = '\0';
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT)
        return SETTINGS_MISSING;
    cJSON *root = settings_parse(path, why, cap);
    if (!root)
        return SETTINGS_BROKEN;
    struct settings v;
    settings_default(&v);
    bool ok = true;
    for (size_t i = 0; ok && i < COUNT_OF(setting_keys); i++) {
        const cJSON *it = cJSON_GetObjectItemCaseSensitive(root, setting_keys[i].name);
        if (it)
            ok = setting_read(&setting_keys[i], it, &v, why, cap);
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
    cJSON_AddStringToObject(root, "theme", theme_name((enum win_theme)s->theme));
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
