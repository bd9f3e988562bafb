-- The racelab checks in Neovim: nvim-lint's clangtidy linter, pointed at
-- racelab-clang-tidy (clang-tidy-19 with the racelab plugin loaded). Put
-- this in your init.lua (or a file it requires); docs/ide.md explains it.

-- A RaceLab build tree, or an install prefix (then the wrapper is
-- <prefix>/bin/racelab-clang-tidy and the lesson header directory
-- <prefix>/share/racelab/samples/include).
local racelab = vim.fn.expand('~/racelab')
local wrapper = racelab .. '/build/bin/racelab-clang-tidy'
local tidy_args = {
  '--quiet',
  -- compile_commands.json of the project (CMAKE_EXPORT_COMPILE_COMMANDS=ON)
  '-p', racelab .. '/build',
  -- The lessons are not in it (racelab builds them itself): their flags.
  '--extra-arg=-std=c++20',
  '--extra-arg=-I' .. racelab .. '/samples/include',
}

local ok, lint = pcall(require, 'lint')
if ok then
  local clangtidy = lint.linters.clangtidy
  clangtidy.cmd = wrapper
  clangtidy.args = tidy_args -- nvim-lint appends the file name
  lint.linters_by_ft.cpp = { 'clangtidy' }
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufWritePost' }, {
    pattern = { '*.cpp', '*.cc', '*.cxx' },
    -- By name: on BufReadPost the filetype is not set yet.
    callback = function() lint.try_lint('clangtidy') end,
  })
end

-- Without nvim-lint: `:make` in a C++ buffer runs the wrapper on the file
-- and fills the quickfix list (`:copen`); notes become entries of type n.
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'cpp',
  callback = function()
    vim.opt_local.makeprg = wrapper .. ' ' .. table.concat(tidy_args, ' ') .. ' %'
    vim.opt_local.errorformat = '%f:%l:%c: %t%*[a-z]: %m,%-G%.%#'
  end,
})
