scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }
scene "a" {
  text = "Hi.",
  choices = { { "Accept \u{202E}tcartnoc eht", next = "e" } },
}
ending "e" { verdict = "success", text = "Bye." }
-- A right-to-left override makes a label read other than it is.
