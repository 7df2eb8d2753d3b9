-- Driven by tests/tools/test_lsp_nvim.c: Neovim's built-in LSP client (0.7),
-- set up by the documented tools/editors/neovim/scaleup.lua ($LSP_CONFIG,
-- with scaleup on the PATH), starts `scaleup lsp` on a copy of
-- tests/fixtures/lsp/story, a mistake is
-- typed into the buffer, and what the editor gets back is written, one
-- fact a line, to $LSP_OUT for the test to compare.
local dir, out_path = os.getenv('LSP_DIR'), os.getenv('LSP_OUT')
local out = {}
local function say(fmt, ...) table.insert(out, string.format(fmt, ...)) end

local function find(needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return i - 1, col - 1 end
  end
  error('not in the buffer: ' .. needle)
end

local function request(method, line, character)
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) },
                   position = { line = line, character = character } }
  local answers = vim.lsp.buf_request_sync(0, method, params, 10000)
  for _, a in pairs(answers or {}) do
    if a.result then return a.result end
  end
  return nil
end

local function run()
  vim.cmd('filetype on')
  vim.cmd('luafile ' .. os.getenv('LSP_CONFIG'))
  vim.cmd('edit ' .. dir .. '/main.lua')
  assert(vim.wait(10000, function()
    local c = vim.lsp.buf_get_clients(0)[1]
    return c and c.initialized
  end), 'the server did not start for the buffer')

  -- Type a mistake: a misspelt scene id.
  local line, col = find('next = "clinic"')
  vim.api.nvim_buf_set_text(0, line, col + 8, line, col + 14, { 'clinc' })
  assert(vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end), 'no diagnostics')
  for _, d in ipairs(vim.diagnostic.get(0)) do
    say('diagnostic %d:%d severity %d %s', d.lnum, d.col, d.severity, d.message)
  end

  -- Go to the definition of an id in the other file.
  line, col = find('"launch"')
  local loc = request('textDocument/definition', line, col + 2)
  say('definition %s %d:%d', vim.fn.fnamemodify(vim.uri_to_fname(loc.uri), ':t'),
      loc.range.start.line, loc.range.start.character)

  -- Complete a scene id in next.
  local items = request('textDocument/completion', line, col + 1)
  local labels = {}
  for _, it in ipairs(items.items or items) do table.insert(labels, it.label) end
  say('completion %s', table.concat(labels, ' '))

  -- Hover on a stat.
  line, col = find('runway = -2')
  local hover = request('textDocument/hover', line, col + 1)
  say('hover %s', hover.contents.value)
end

local ok, err = pcall(run)
if not ok then say('error %s', tostring(err)) end
local f = assert(io.open(out_path, 'w'))
f:write(table.concat(out, '\n') .. '\n')
f:close()
vim.cmd(ok and 'qa!' or 'cquit 1')
