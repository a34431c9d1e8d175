" SPDX-License-Identifier: EUPL-1.2
" ale.vim: twohats in Vim through ALE (Debian: apt install vim-ale), as a linter
" that pipes the buffer, saved or not, to `twohats --format line` and reads back
" error, warning and info findings with their columns in bytes, as Vim counts
" them.  twohats must be on PATH.
"
" Source this file from your ~/.vimrc (`source ~/.vim/twohats-ale.vim`) or paste it
" there: `packadd!` has to run from the vimrc, before Vim loads its plugins; from
" ~/.vim/plugin/ it would come too late.  Quick fixes are not available this way:
" ALE's LSP client counts the language server's columns in bytes where LSP counts
" UTF-16 code units, so `twohats lsp` in ALE misplaces every edit on a line with é, ë
" or curly quotes.  Use `twohats --fix` (or Neovim or Emacs) to apply fixes.

" Debian installs ALE as an optional package (/usr/share/vim/vimfiles/pack/dist-bundle/opt/ale).
" Where ALE comes from elsewhere (a start package, a plugin manager), this is skipped.
if !exists('g:loaded_ale') && !empty(globpath(&packpath, 'pack/*/opt/ale', 0, 1))
  packadd! ale
endif
" ALE runs the linters of a buffer's 'filetype': detect it (a ~/.vimrc of your
" own means Vim no longer loads defaults.vim, which would).
filetype on

" Findings, on standard output: path:line:column: severity: message [rule], the
" severity in English in every locale.  twohats' own errors, on standard error
" ("twohats: ..."): a broken .twohats.yml or front matter stops the lint, so they are
" shown too, where they are when they are in the buffer, else on line 1.
function! TwohatsAleHandle(buffer, lines) abort
  let l:types = {'error': 'E', 'warning': 'W', 'info': 'I'}
  let l:output = []
  for l:match in ale#util#GetMatches(a:lines,
  \   '\v^.{-}:(\d+):(\d+): (error|warning|info): (.*) \[([^][ ]+)\]$')
    call add(l:output, {
    \   'lnum': str2nr(l:match[1]),
    \   'col': str2nr(l:match[2]),
    \   'type': l:types[l:match[3]],
    \   'text': l:match[4],
    \   'code': l:match[5],
    \})
  endfor
  let l:name = fnamemodify(bufname(a:buffer), ':p')
  for l:match in ale#util#GetMatches(a:lines, '\v^twohats: (.*)$')
    let l:at = matchlist(l:match[1], '\v^(.{-}):(\d+):(\d+): (.*)$')
    if !empty(l:at) && l:at[1] is# l:name
      call add(l:output, {'lnum': str2nr(l:at[2]), 'col': str2nr(l:at[3]), 'type': 'E', 'text': l:at[4]})
    else
      call add(l:output, {'lnum': 1, 'type': 'E', 'text': l:match[1]})
    endif
  endfor
  return l:output
endfunction

for s:filetype in ['markdown', 'text']
  call ale#linter#Define(s:filetype, {
  \   'name': 'twohats',
  \   'executable': 'twohats',
  \   'command': 'twohats --format line --columns bytes --stdin-filename %s -',
  \   'output_stream': 'both',
  \   'callback': 'TwohatsAleHandle',
  \})
endfor
unlet s:filetype
