-- SPDX-License-Identifier: EUPL-1.2
-- neovim.lua: Neovim (headless, its built-in LSP client, the 0.7 API) opens an
-- unsaved buffer through `twohats lsp`, waits for the diagnostics, applies the
-- quick fix and waits for them to go.  It writes what it saw to $NVIM_RESULT.
local tw = os.getenv("TWOHATS")
local dir = os.getenv("NVIM_DIR")
local lines = {}
local function say(s) table.insert(lines, s) end

vim.cmd("edit " .. dir .. "/post.md") -- no such file: the buffer is never saved
vim.api.nvim_buf_set_lines(0, 0, -1, false, {
  "---", "channel: social", "account: hybrid", "party: D66", "---",
  "Café “De Zwaan”. Op 29 oktober stem ik D66.",
})
local id = vim.lsp.start_client({ name = "twohats", cmd = { tw, "lsp" }, root_dir = dir })
vim.lsp.buf_attach_client(0, id)

vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 20)
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  say(string.format("diagnostic %s %d:%d-%d:%d %s", code, d.lnum, d.col, d.end_lnum, d.end_col,
    d.source or ""))
end

vim.api.nvim_win_set_cursor(0, { 6, 30 })
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = {} }
local replies = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000) or {}
for _, reply in pairs(replies) do
  for _, action in ipairs(reply.result or {}) do
    say("action " .. action.title)
    if action.title:match("^Fix") then
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
    end
  end
end
say("line " .. vim.api.nvim_buf_get_lines(0, 5, 6, false)[1])
vim.wait(10000, function() return #vim.diagnostic.get(0) == 0 end, 20)
say("after " .. #vim.diagnostic.get(0))

vim.fn.writefile(lines, os.getenv("NVIM_RESULT"))
vim.lsp.stop_client(id)
vim.cmd("qall!")
