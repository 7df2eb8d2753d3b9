scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }
scene "a" {
  text = "Bad ÿ byte",
  choices = { { "Go", next = "e" } },
}
ending "e" { verdict = "success" }
