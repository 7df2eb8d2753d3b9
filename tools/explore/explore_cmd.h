/* explore_cmd.h: scaleup explore (see explore_cmd.c). */
#ifndef SCALEUP_EXPLORE_CMD_H
#define SCALEUP_EXPLORE_CMD_H

int cmd_explore(int argc, char **argv);

#endif
