/* playtest_cmd.h: scaleup test (see playtest_cmd.c). */
#ifndef SCALEUP_PLAYTEST_CMD_H
#define SCALEUP_PLAYTEST_CMD_H

int cmd_test(int argc, char **argv);

#endif
