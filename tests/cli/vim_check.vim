" SPDX-License-Identifier: EUPL-1.2
" vim_check.vim: run by tests/cli/vim.sh in Vim (ALE loaded by editors/ale.vim as the
" vimrc): fills an unsaved buffer, lints it with ALE, waits for the findings and
" writes what it saw to $VIM_RESULT.
let s:lines = []
call setline(1, [
\ '---', 'channel: press-release', '---',
\ 'Café “De Zwaan”. Stem op 17 maart op D66!',
\ '',
\ 'Zaterdag viert de minister haar verjaardag met familie en vrienden in het Catshuis.',
\ '',
\ '<!-- twohats-disable-next-line image-building/praise -->',
\ 'Het café is geopend.',
\ ])
call add(s:lines, 'filetype ' . &filetype)
ALELint
let s:deadline = reltimefloat(reltime()) + 20
while reltimefloat(reltime()) < s:deadline
\ && (empty(ale#engine#GetLoclist(bufnr(''))) || ale#engine#IsCheckingBuffer(bufnr('')))
  sleep 20m
endwhile
for s:item in ale#engine#GetLoclist(bufnr(''))
  call add(s:lines, printf('finding %s %d:%d %s %s', s:item.type, s:item.lnum, s:item.col,
  \ get(s:item, 'code', ''), s:item.linter_name))
endfor
" The location list (set on a timer) and ALE's jump to the first finding.
while reltimefloat(reltime()) < s:deadline && empty(getloclist(0))
  sleep 20m
endwhile
call add(s:lines, 'loclist ' . join(map(getloclist(0), 'v:val.type . v:val.lnum . ":" . v:val.col'), ' '))
ALEFirst
call add(s:lines, printf('cursor %d:%d %s', line('.'), col('.'), strpart(getline('.'), col('.') - 1, 4)))
call add(s:lines, 'modified ' . &modified . ' ' . filereadable(expand('%')))

" twohats' own errors: bad front matter in the buffer, a broken .twohats.yml.
function! s:Errors(file, lines) abort
  execute 'edit! ' . a:file
  call setline(1, a:lines)
  ALELint
  let l:deadline = reltimefloat(reltime()) + 20
  while reltimefloat(reltime()) < l:deadline
  \ && (empty(ale#engine#GetLoclist(bufnr(''))) || ale#engine#IsCheckingBuffer(bufnr('')))
    sleep 20m
  endwhile
  for l:item in ale#engine#GetLoclist(bufnr(''))
    call add(s:lines, printf('error %s %d:%d %s', l:item.type, l:item.lnum, l:item.col, l:item.text))
  endfor
endfunction
call s:Errors('bad.md', ['---', 'channel: bogus', '---', 'Stem op 17 maart op D66!'])
call s:Errors('broken/post.md', ['---', 'channel: press-release', '---', 'Stem op 17 maart op D66!'])
call add(s:lines, 'messages')
call writefile(s:lines + split(execute('messages'), "\n"), $VIM_RESULT)
qall!
