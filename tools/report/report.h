/* report.h: scaleup report DIR (see report.c). */
#ifndef SCALEUP_REPORT_H
#define SCALEUP_REPORT_H

int cmd_report(int argc, char **argv);

#endif
