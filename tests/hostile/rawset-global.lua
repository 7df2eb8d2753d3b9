scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) rawset(_G, "counter", 1) end } },
}
ending "e" { verdict = "success", text = "Bye." }
