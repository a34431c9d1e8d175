/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * readers.h: the reader modules (readers/), loaded with libltdl on the first file that
 * needs one, so that the libraries behind them cost nothing to a run without such files:
 * poppler's fifty for PDF, and libzip's (OpenSSL among them, 3,400 symbol bindings at
 * start-up) for Word and OpenDocument.
 */
#ifndef TH_READERS_H
#define TH_READERS_H

/* Where the reader modules are (an uninstalled twohats: its build tree's readers/); by
 * default the install's. */
void th_readers_dir(const char *dir);

/* The function `symbol` of the reader module `module`, loaded once per process (from any
 * thread); NULL when the module or the function is not there. */
void *th_reader_function(const char *module, const char *symbol);

#endif
