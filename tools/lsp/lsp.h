/*
 * lsp.h: scaleup lsp: a language server for scenarios, over standard input
 * and output (the Language Server Protocol, JSON-RPC with Content-Length
 * framing). See lsp_server.h for its parts and docs/authoring.md for the
 * editor set-up.
 */
#ifndef SCALEUP_LSP_H
#define SCALEUP_LSP_H

int cmd_lsp(int argc, char **argv);

#endif
