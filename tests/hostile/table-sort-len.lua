scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) table.sort(setmetatable({}, { __len = function() return 2^40 end })) end } },
}
ending "e" { verdict = "success", text = "Bye." }
