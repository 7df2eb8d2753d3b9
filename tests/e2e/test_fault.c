/*
 * test_fault.c: results written to a tiny filesystem that fills up mid-run,
 * then has room again: the player is told once, the last good file stays
 * whole meanwhile, and in the end the file holds every decision.
 *
 * The filesystem is a 64 KiB tmpfs when the test may mount one (as root);
 * otherwise the same fault is made with a file-size limit (prlimit).
 */
#define _GNU_SOURCE /* prlimit */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "support.h"

static char *result_file(const char *dir)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "ls %s/tutorial-*.json 2>/dev/null", dir);
    FILE *p = popen(cmd, "r");
    char name[1024] = "";
    if (!fgets(name, sizeof name, p))
        name[0] = '\0';
    pclose(p);
    name[strcspn(name, "\n")] = '\0';
    return name[0] ? strdup(name) : NULL;
}

static int decisions_in(const char *dir)
{
    char *path = result_file(dir);
    if (!path)
        return -1;
    char *text = slurp(path, NULL);
    free(path);
    cJSON *root = text ? cJSON_Parse(text) : NULL;
    free(text);
    if (!root)
        return -2; /* not whole: the test fails on this */
    int n = cJSON_GetArraySize(cJSON_GetObjectItem(root, "decisions"));
    cJSON_Delete(root);
    return n;
}

/* Fills the filesystem of dir; returns the filler's path. */
static char *fill(const char *dir)
{
    char *path = malloc(1024);
    snprintf(path, 1024, "%s/filler", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    char block[1024];
    memset(block, 'f', sizeof block);
    while (write(fd, block, sizeof block) > 0) {
    }
    close(fd);
    return path;
}

static char mnt[600];

/* The mount goes even when an assertion fails half-way. */
static int unmount(void **state)
{
    (void)state;
    if (mnt[0])
        umount(mnt);
    return 0;
}

static void a_full_disk_loses_no_decision(void **state)
{
    (void)state;
    char *root = make_temp_dir();
    char results[700];
    snprintf(mnt, sizeof mnt, "%s/mnt", root);
    mkdir(mnt, 0755);
    bool mounted = mount("tmpfs", mnt, "tmpfs", 0, "size=64k") == 0;
    snprintf(results, sizeof results, "%s/results", mnt);
    if (!mounted)
        print_message("(cannot mount a tmpfs here: %s; using a file-size limit)\n", strerror(errno));

    const char *argv[] = {scaleup_bin(), "play", "tutorial", "--text", "--role", "po", "--seed", "1",
                          "--player", "Team Blue", "--results", results, NULL};
    struct proc p;
    proc_start(&p, argv, source_path(""));
    /* The tutorial's golden path (tests/e2e/golden/tutorial-po-seed1.txt),
     * as shown with seed 1: 2,3,1,1,3,2,3,2,1. */
    proc_expect(&p, "Your choice [1-3]: ", false, 10);
    proc_send(&p, "2\n");
    proc_expect(&p, "Your choice [1-3]: ", false, 10);
    proc_send(&p, "3\n");
    proc_expect(&p, "Your choice [1-5]: ", false, 10);
    assert_int_equal(decisions_in(results), 2);

    /* The disk fills up. */
    char *filler = NULL;
    struct rlimit small = {4096, RLIM_INFINITY}, big = {RLIM_INFINITY, RLIM_INFINITY};
    if (mounted)
        filler = fill(mnt);
    else
        assert_int_equal(prlimit(p.pid, RLIMIT_FSIZE, &small, NULL), 0);
    proc_send(&p, "1\n");
    proc_expect(&p, "Cannot save the results to ", false, 10);
    proc_expect(&p, mounted ? " (cannot write: No space left on device). Your decisions are kept and "
                              "will be written as soon as the folder is writable."
                            : " (cannot write: File too large). Your decisions are kept",
                false, 10);
    proc_expect(&p, "Your choice [1-5]: ", false, 10);
    assert_int_equal(decisions_in(results), 2); /* the last good file is whole */
    proc_send(&p, "1\n");
    proc_expect(&p, "Your choice [1-4]: ", false, 10);
    assert_null(strstr(strstr(p.seen_out.data, "Cannot save") + 1, "Cannot save")); /* told once */

    /* Room again. */
    if (mounted)
        assert_int_equal(unlink(filler), 0);
    else
        assert_int_equal(prlimit(p.pid, RLIMIT_FSIZE, &big, NULL), 0);
    proc_send(&p, "3\n");
    proc_expect(&p, "Results are being written again; no decision was lost.", false, 10);
    proc_expect(&p, "Your choice", false, 10);
    assert_int_equal(decisions_in(results), 5);
    proc_send(&p, "2\n3\n2\n1\n");
    proc_expect(&p, "Decision by decision", false, 10);
    assert_int_equal(proc_finish(&p, 10), 0);
    assert_int_equal(decisions_in(results), 9);
    /* No temporary file left behind. */
    char cmd[800];
    snprintf(cmd, sizeof cmd, "test -z \"$(ls %s | grep tmp)\"", results);
    assert_int_equal(system(cmd), 0);
    free(filler);
    if (mounted)
        umount(mnt);
    mnt[0] = '\0';
    rm_rf(root);
    free(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_full_disk_loses_no_decision),
    };
    return cmocka_run_group_tests(tests, NULL, unmount);
}
