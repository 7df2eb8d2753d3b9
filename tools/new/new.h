/* new.h: scaleup new NAME [DIR] (see new.c). */
#ifndef SCALEUP_NEW_H
#define SCALEUP_NEW_H

int cmd_new(int argc, char **argv);

#endif
