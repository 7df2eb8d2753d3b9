/*
 * test_lsp_nvim.c: scaleup lsp with a real client, Debian's Neovim (0.7,
 * its built-in LSP client), started headless by tests/tools/lsp_nvim.lua:
 * a mistake typed into a buffer comes back as a diagnostic, a definition
 * in the included file, completions and a hover. The client is set up by
 * the file docs/authoring.md tells Neovim users to install,
 * tools/editors/neovim/scaleup.lua. Skipped (exit 77) only
 * where nvim is not installed; tools/setup --test installs it.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util.h"
#include "support.h"

static const char *nvim_path(void)
{
    static const char *const candidates[] = {"/usr/bin/nvim", "/usr/local/bin/nvim"};
    for (size_t i = 0; i < COUNT_OF(candidates); i++)
        if (access(candidates[i], X_OK) == 0)
            return candidates[i];
    return NULL;
}

static void neovim_shows_what_the_server_says(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[1024], stages[1024], out[1024], env_path[4200], env_dir[1200], env_out[1200],
        env_config[1200];
    snprintf(stages, sizeof stages, "%s/stages", dir);
    assert_int_equal(mkdir(stages, 0700), 0);
    const char *files[] = {"main.lua", "stages/more.lua"};
    for (size_t i = 0; i < COUNT_OF(files); i++) {
        char from[600];
        snprintf(from, sizeof from, "fixtures/lsp/story/%s", files[i]);
        size_t len;
        char *text = slurp(test_path(from), &len);
        assert_non_null(text);
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        write_file(path, text, len);
        free(text);
    }
    snprintf(out, sizeof out, "%s/out.txt", dir);
    /* scaleup on the PATH, as the documented set-up expects it. */
    char bin_dir[1024];
    str_copy(bin_dir, sizeof bin_dir, scaleup_bin());
    *strrchr(bin_dir, '/') = '\0';
    snprintf(env_path, sizeof env_path, "PATH=%s:%s", bin_dir, getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
    snprintf(env_config, sizeof env_config, "LSP_CONFIG=%s", source_path("tools/editors/neovim/scaleup.lua"));
    snprintf(env_dir, sizeof env_dir, "LSP_DIR=%s", dir);
    snprintf(env_out, sizeof env_out, "LSP_OUT=%s", out);
    const char *env[] = {env_path, env_dir, env_out, env_config, "XDG_CONFIG_HOME=/nonexistent",
                         "XDG_DATA_HOME=/nonexistent", NULL};
    char script[1024];
    snprintf(script, sizeof script, "luafile %s", test_path("tools/lsp_nvim.lua"));
    const char *argv[] = {nvim_path(), "--headless", "-u", "NONE", "-i", "NONE", "-n",
                          "-c", script, NULL};
    struct cmd_result r;
    run_cmd(argv, NULL, dir, env, 120, &r);
    char *got = slurp(out, NULL);
    if (r.status != 0 || !got)
        print_message("nvim exit %d\nstdout: %s\nstderr: %s\nout: %s\n", r.status, r.out, r.err,
                      got ? got : "(none)");
    assert_int_equal(r.status, 0);
    assert_non_null(got);
    /* The fixture's line 14 (0-based 13) holds next = "clinic", typed as
     * "clinc": the id starts after the 38 characters
     * '    { "Talk to five clinics", next = "'; ending "launch" is declared
     * on line 10 (0-based 9) of stages/more.lua, its id after 'ending "'. */
    const char *want =
        "diagnostic 13:38 severity 1 next 'clinc' is not a scene or ending (did you mean 'clinic'?)\n"
        "definition more.lua 9:8\n"
        "completion garage clinic launch\n"
        "hover **Runway** (stat `runway`): starts at 9, from 0 to 24 (months)\n";
    assert_string_equal(got, want);
    free(got);
    cmd_result_free(&r);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    if (!nvim_path()) {
        printf("SKIP: nvim is not installed (tools/setup --test installs neovim)\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(neovim_shows_what_the_server_says),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
