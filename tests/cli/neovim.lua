-- SPDX-License-Identifier: EUPL-1.2
-- neovim.lua: run by tests/cli/neovim.sh in Neovim, headless, where editors/nvim.lua
-- is the user's plugin/twohats.lua.  It opens a Markdown file that does not exist
-- (the buffer is never saved), so that the snippet starts `twohats lsp`, fills it,
-- waits for the diagnostics, goes to the first, applies the quick fix the way a
-- user does (vim.lsp.buf.code_action() and a pick in vim.ui.select) and waits for
-- the diagnostics to go.  It writes what it saw to $NVIM_RESULT.
local dir = os.getenv("NVIM_DIR")
local lines = {}
local function say(s)
  table.insert(lines, s)
end

vim.cmd("edit " .. dir .. "/project/notes/post.md")
vim.api.nvim_buf_set_lines(0, 0, -1, false, {
  "---", "channel: social", "account: hybrid", "party: D66", "---",
  "Café “De Zwaan”. Op 29 oktober stem ik D66.",
})
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients -- 0.10 renamed it

vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 20)
for _, client in ipairs(get_clients()) do
  say("client " .. client.name .. " " .. client.config.root_dir)
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  say(string.format("diagnostic %s %d:%d-%d:%d %s", code, d.lnum, d.col, d.end_lnum, d.end_col,
    d.source or ""))
  say("severity " .. (d.severity == vim.diagnostic.severity.ERROR and "error" or tostring(d.severity)))
end

vim.api.nvim_win_set_cursor(0, { 1, 0 })
vim.diagnostic.goto_next({ float = false })
local row, col = unpack(vim.api.nvim_win_get_cursor(0))
say(string.format("cursor %d:%d %s", row, col, vim.api.nvim_get_current_line():sub(col + 1, col + 2)))

-- The user picks the fix from the code actions at the cursor.
vim.ui.select = function(items, _, on_choice)
  local chosen
  for i, item in ipairs(items) do
    local action = item.action or item[2] -- Neovim 0.10 and later name the fields
    say("action " .. action.title)
    if not chosen and action.title:match("^Fix") then
      chosen = i
    end
  end
  on_choice(chosen and items[chosen], chosen)
end
vim.lsp.buf.code_action()
vim.wait(10000, function() return vim.api.nvim_buf_get_lines(0, 5, 6, false)[1]:match("#D66$") end, 20)
say("line " .. vim.api.nvim_buf_get_lines(0, 5, 6, false)[1])
vim.wait(10000, function() return #vim.diagnostic.get(0) == 0 end, 20)
say("after " .. #vim.diagnostic.get(0))
say("modified " .. tostring(vim.bo.modified) .. " " .. vim.fn.filereadable(vim.fn.expand("%")))

vim.fn.writefile(lines, os.getenv("NVIM_RESULT"))
vim.lsp.stop_client(get_clients())
vim.cmd("qall!")
