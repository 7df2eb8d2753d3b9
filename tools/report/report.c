/* report.c: scaleup report DIR: the facilitator's debrief from result files.
 * (Being written: see issue 6.) */
#include "report.h"

#include "commands.h"

int cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("scaleup report is not available yet");
    return 2;
}
