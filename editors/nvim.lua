-- SPDX-License-Identifier: EUPL-1.2
-- nvim.lua: twohats in Neovim's built-in LSP client, for Neovim 0.7 (Debian 12) and
-- newer: `twohats lsp` lints Markdown and text buffers as you type, saved or not.
-- Quick fixes (a finding's fix, a suppression with a reason) are code actions,
-- `:lua vim.lsp.buf.code_action()`; `:lua vim.lsp.buf.hover()` (K from Neovim 0.10)
-- explains the rule under the cursor.  twohats must be on PATH.
--
-- Copy this file to ~/.config/nvim/plugin/twohats.lua, or paste it into init.lua.

local markers = { ".twohats.yml", ".git" }
local clients = {} -- root folder -> client id (Neovim 0.7, which has no vim.lsp.start)

-- The nearest folder upward from `dir` with a .twohats.yml or a .git in it, else `dir`.
-- (twohats finds each document's configuration itself; the root only decides which
-- buffers share a server.)
local function root_dir(dir)
  local at = dir
  while true do
    for _, marker in ipairs(markers) do
      if (vim.uv or vim.loop).fs_stat(at .. "/" .. marker) then
        return at
      end
    end
    local parent = vim.fn.fnamemodify(at, ":h")
    if parent == at then
      return dir
    end
    at = parent
  end
end

local function attach(args)
  local buf = args.buf
  local name = vim.api.nvim_buf_get_name(buf)
  if vim.bo[buf].buftype ~= "" or name == "" or vim.fn.executable("twohats") ~= 1 then
    return
  end
  local config = {
    name = "twohats",
    cmd = { "twohats", "lsp" },
    root_dir = root_dir(vim.fn.fnamemodify(name, ":p:h")),
  }
  if vim.lsp.start then -- Neovim 0.8 and newer: it reuses a client with that name and root
    vim.lsp.start(config, { bufnr = buf })
    return
  end
  local id = clients[config.root_dir]
  if not (id and vim.lsp.get_client_by_id(id)) then
    id = vim.lsp.start_client(config)
    clients[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(buf, id)
  end
end

vim.api.nvim_create_autocmd("FileType", {
  group = vim.api.nvim_create_augroup("twohats", { clear = true }),
  pattern = { "markdown", "text" },
  callback = attach,
})
