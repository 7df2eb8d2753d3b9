scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } },
  stats = { { id = "n", name = "Cash\27[2J\27[H", start = 0 } } }
scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e" } },
}
ending "e" { verdict = "success", text = "Bye." }
-- A stat name that would clear the screen.
