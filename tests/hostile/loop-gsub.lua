scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local s = ("ab"):rep(10000) while true do s = s:gsub("a", "a") end end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- The subject is long (20,000 bytes, 10,000 replacements a call) so that the
-- time goes into gsub, C code the instruction count cannot see: the clock
-- ends the loop after a few thousand instructions, on a fast machine or a slow
-- one. (A 20-byte subject made the two limits race.)
