scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local t = {} for i = 1, 1900 do t = setmetatable({}, { __index = t }) end return table.unpack(t, 1, 1000000) end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- Each of the million reads walks a chain of 1,900 tables (Lua stops at
-- 2,000): priced by that walk, the call runs out of instructions.
-- limits: --max-call-ms 600000
