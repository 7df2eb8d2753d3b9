scenario { id = "hostile", title = "Hostile\27]52;c;cHduZWQ=\7", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }
scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e" } },
}
ending "e" { verdict = "success", text = "Bye." }
-- OSC 52 would write the clipboard of whoever shows the title in a terminal.
