/*
 * new.c: scaleup new NAME [DIR]: a ready-to-play scenario folder DIR/NAME
 * from the template in assets/template (every feature of the contract, with
 * comments), that passes lint --strict and explore as created.
 */
#include "new.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "core/catalog.h"
#include "core/run.h"

static void usage(FILE *f)
{
    fprintf(f, "Usage: scaleup new NAME [DIR]\n"
               "\n"
               "Creates DIR/NAME (DIR defaults to the current folder): a small scenario that\n"
               "shows every feature of the scenario contract, with comments, ready to play,\n"
               "lint, explore and test. NAME is the scenario's id: lowercase letters, digits\n"
               "and '-', like onboarding-workshop.\n");
}

/* "my-first-scenario" -> "My First Scenario" */
static void title_of(const char *id, char *out, size_t cap)
{
    size_t n = 0;
    bool start = true;
    for (const char *p = id; *p && n + 1 < cap; p++) {
        char c = *p == '-' ? ' ' : *p;
        if (start && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        start = c == ' ';
        out[n++] = c;
    }
    out[n] = '\0';
}

static void replace_all(struct strbuf *out, const char *text, const char *const *pairs, int npairs)
{
    for (const char *p = text; *p;) {
        bool done = false;
        for (int i = 0; i < npairs && !done; i++) {
            size_t k = strlen(pairs[2 * i]);
            if (strncmp(p, pairs[2 * i], k) == 0) {
                sb_puts(out, pairs[2 * i + 1]);
                p += k;
                done = true;
            }
        }
        if (!done)
            sb_putc(out, *p++);
    }
}

/* A scenario id: 1 to 64 lowercase letters, digits and '-', not starting
 * with '-' (it would read as an option). */
static bool valid_id(const char *id)
{
    size_t len = strlen(id);
    bool ok = len > 0 && len <= 64 && id[0] != '-';
    for (const char *p = id; *p && ok; p++)
        ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
    return ok;
}

/* The template's folder (in ScaleUp's data folder) into template_dir,
 * opened; NULL after saying why. */
static DIR *open_template(char *template_dir, size_t cap)
{
    const char *data = catalog_data_dir();
    if (!data) {
        cli_error("cannot find ScaleUp's data folder (set SCALEUP_DATA)");
        return NULL;
    }
    str_format(template_dir, cap, "%s/assets/template", data);
    DIR *d = opendir(template_dir);
    if (!d)
        cli_error("cannot open the template folder %s", template_dir);
    return d;
}

/* Copies each .lua file of the template (d, in template_dir) into dir with
 * the pairs replaced, counting them in *files. 0, or 1 when one could not
 * be read (the copy stops) or written (it goes on with the others). */
static int copy_template(DIR *d, const char *template_dir, const char *dir, const char *const *pairs,
                         int *files)
{
    struct dirent *e;
    int code = 0;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".lua") != 0)
            continue;
        char src[PATH_MAX + 300], dst[PATH_MAX + 300];
        str_format(src, sizeof src, "%s/%s", template_dir, e->d_name);
        str_format(dst, sizeof dst, "%s/%s", dir, e->d_name);
        struct diag err;
        size_t len;
        char *text = file_read_all(src, 1 << 20, &len, &err);
        if (!text) {
            cli_error("%s: %s", src, err.message);
            return 1;
        }
        struct strbuf out;
        sb_init(&out);
        replace_all(&out, text, pairs, 3);
        free(text);
        if (!file_write_atomic(dst, out.data, out.len, &err)) {
            cli_error("%s: %s", dst, err.message);
            code = 1;
        }
        sb_free(&out);
        (*files)++;
    }
    return code;
}

int cmd_new(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc < 2 || argc > 3) {
        cli_error("new needs a NAME and, optionally, a folder (see scaleup new --help)");
        return 2;
    }
    const char *id = argv[1];
    if (!valid_id(id)) {
        cli_error("'%s' cannot be a scenario id: use lowercase letters, digits and '-' (like "
                  "team-offsite)",
                  id);
        return 2;
    }
    const char *parent = argc == 3 ? argv[2] : ".";
    char dir[PATH_MAX];
    if (strcmp(parent, ".") == 0)
        str_copy(dir, sizeof dir, id);
    else
        str_format(dir, sizeof dir, "%s/%s", parent, id);
    struct stat st;
    if (stat(dir, &st) == 0) {
        cli_error("%s already exists; choose another name or folder", dir);
        return 2;
    }
    char template_dir[PATH_MAX];
    DIR *d = open_template(template_dir, sizeof template_dir);
    if (!d)
        return 1;
    make_parents(dir); /* scaleup new NAME DIR: DIR is made when missing */
    if (mkdir(dir, 0755) != 0) {
        cli_error("cannot create %s: %s", dir, strerror(errno));
        closedir(d);
        return 1;
    }
    char title[128];
    title_of(id, title, sizeof title);
    const char *pairs[] = {"@ID@", id, "@TITLE@", title, "@DIR@", dir};
    int files = 0;
    int code = copy_template(d, template_dir, dir, pairs, &files);
    closedir(d);
    if (code == 0)
        printf("Created %s (%d files). Next:\n"
               "  scaleup play %s --text --role po\n"
               "  scaleup lint --strict %s\n"
               "  scaleup explore %s\n"
               "  scaleup test %s\n",
               dir, files, dir, dir, dir, dir);
    return code;
}
