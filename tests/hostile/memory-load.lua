scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }
big = {} for i = 1, 1e9 do big[i] = "row " .. i end
scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e" } },
}
ending "e" { verdict = "success", text = "Bye." }
