scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }
scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e" } },
}
ending "e" { verdict = "success", title = "The end\u{9B}31m", text = "Bye." }
-- A C1 control (CSI, U+009B) in an ending's title.
