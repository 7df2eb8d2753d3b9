scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = function(game) return "Hi.\27]0;pwned\7" end,
  choices = { { "Go", next = "e" } },
}
ending "e" { verdict = "success", text = "Bye." }
-- A text function's result is checked like a text in the file.
