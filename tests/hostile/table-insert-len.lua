scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) table.insert(setmetatable({}, { __len = function() return 2^40 end }), 1, "x") end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- The length the library uses (__len, read once), not the raw length.
