-- ScaleUp scenarios in Neovim (0.7 or later, its built-in LSP client).
-- Put this file in ~/.config/nvim/plugin/ (or :luafile it from init.lua):
-- it starts `scaleup lsp` for every Lua file of a folder that has a
-- main.lua (the scenario's root), once per root.
local clients = {}
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'lua',
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    local main = vim.fn.findfile('main.lua', vim.fn.fnamemodify(file, ':p:h') .. ';')
    if main == '' then return end
    local root = vim.fn.fnamemodify(main, ':p:h')
    if not clients[root] then
      clients[root] = vim.lsp.start_client({ name = 'scaleup', cmd = { 'scaleup', 'lsp' },
                                             root_dir = root })
    end
    if clients[root] then vim.lsp.buf_attach_client(args.buf, clients[root]) end
  end,
})
