scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local s = string.rep("", 2^53) end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- No bytes, but 2^53 copies: string.rep is priced by its copies too.
